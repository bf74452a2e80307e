#!/usr/bin/env python3
"""Run the deployment recipe of this folder on loopback and check that it serves.

    .venv/bin/python deploy/loopback.py        # needs nginx, openssl and PostgreSQL

What it does, as a production host would, but under a temporary folder and on free
ports:
1. builds the wheel and installs it into a new virtual environment
   (tools/check_wheel.py), the "/srv/tori/venv" of the recipe;
2. writes the settings file from deploy/tori.env (a random key, a new PostgreSQL
   database, a local SMTP sink) and runs migrate, compile_translations, collectstatic and
   a small seed_demo;
3. starts the commands of deploy/systemd/tori-web@.service (twice: two app processes)
   and tori-worker.service, and nginx with deploy/nginx.conf (a self-signed certificate);
4. checks through nginx over HTTPS: /healthz, the home page, a search, the newsletter's
   subscribe form post (Origin checked, fill-time token) and that its confirmation email
   reaches the SMTP sink through the outbox and the worker; then stops one app process
   and checks that every request still answers (nginx moves on to the other);
5. prints the figures and stops everything, dropping the database.

Exits non-zero when a check fails. Everything listens on 127.0.0.1 only.
"""

import http.client
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(ROOT / "tools"))
from check_wheel import install_wheel  # noqa: E402

ADMIN_DB = os.environ.get("LOOPBACK_ADMIN_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
DB_NAME = "tori_loopback"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTPSink(socketserver.ThreadingTCPServer):
    """Just enough SMTP to take messages: each one's recipients and text are kept."""

    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        self.messages = []
        super().__init__(("127.0.0.1", port), SMTPHandler)


class SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 loopback sink")
        recipients = []
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 loopback")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(re.sub(r"^RCPT TO:\s*<?([^>]*)>?.*$", r"\1", command, flags=re.I))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                data = []
                while (part := self.rfile.readline()) not in (b".\r\n", b".\n", b""):
                    data.append(part)
                self.server.messages.append((recipients, b"".join(data).decode(errors="replace")))
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


def unit_commands(name, python, instance=None):
    """The ExecStart lines of a unit, pointed at this run's environment."""
    text = (DEPLOY / "systemd" / name).read_text()
    commands = []
    for line in text.splitlines():
        if line.startswith("ExecStart="):
            command = line.removeprefix("ExecStart=").replace("%i", str(instance or ""))
            command = command.replace("/srv/tori/venv/bin/gunicorn", f"{python} -m gunicorn")
            command = command.replace("/srv/tori/venv/bin/python", str(python))
            commands.append(shlex.split(command))
    return commands


def settings_env(temp, site_port, smtp_port):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(temp)}
    for line in (DEPLOY / "tori.env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            env[key] = value
    url = urllib.parse.urlsplit(ADMIN_DB)
    env.update(
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        SITE_URL=f"https://localhost:{site_port}",
        DATABASE_URL=url._replace(path=f"/{DB_NAME}").geturl(),
        MEDIA_ROOT=str(temp / "srv" / "media"),
        PRIVATE_MEDIA_ROOT=str(temp / "srv" / "private-media"),
        STATIC_ROOT=str(temp / "srv" / "static"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        CACHE_URL=os.environ.get("LOOPBACK_CACHE_URL", "redis://127.0.0.1:6379/9"),
        SUBMISSION_MIN_FILL_SECONDS="1",
    )
    return env


def nginx_conf(temp, ports, https_port, http_port):
    conf = (DEPLOY / "nginx.conf").read_text()
    replacements = {
        "app 1": lambda line: re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{ports[0]}", line),
        "app 2": lambda line: re.sub(r"127\.0\.0\.1:\d+", f"127.0.0.1:{ports[1]}", line),
        "http": lambda line: f"    listen 127.0.0.1:{http_port};",
        "https": lambda line: f"    listen 127.0.0.1:{https_port} ssl http2;",
        "cert": lambda line: f"    ssl_certificate {temp / 'cert.pem'};",
        "key": lambda line: f"    ssl_certificate_key {temp / 'key.pem'};",
        "media": lambda line: f"        alias {temp / 'srv' / 'media'}/;",
        "private media": lambda line: f"        alias {temp / 'srv' / 'private-media'}/;",
    }
    lines = []
    for line in conf.splitlines():
        marker = next((m for m in replacements if line.rstrip().endswith(f"# loopback: {m}")), None)
        lines.append(replacements[marker](line) if marker else line)
    site = "\n".join(lines).replace(
        "server_name tekojentori.fi www.tekojentori.fi;", "server_name localhost;"
    )
    return f"""
worker_processes 2;
pid {temp}/nginx.pid;
error_log {temp}/nginx-error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {temp}/nginx-access.log;
    client_body_temp_path {temp}/nginx-body;
    proxy_temp_path {temp}/nginx-proxy;
    fastcgi_temp_path {temp}/nginx-fastcgi;
    uwsgi_temp_path {temp}/nginx-uwsgi;
    scgi_temp_path {temp}/nginx-scgi;
{site}
}}
"""


class Site:
    def __init__(self, port):
        self.port = port
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # the run's own self-signed certificate

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, context=self.context, timeout=30
        )
        started = time.perf_counter()
        connection.request(
            method, path, body=body, headers={"Host": f"localhost:{self.port}", **(headers or {})}
        )
        response = connection.getresponse()
        content = response.read().decode(errors="replace")
        elapsed = (time.perf_counter() - started) * 1000
        connection.close()
        return response.status, dict(response.getheaders()), content, elapsed


def psql(*sql):
    for statement in sql:
        subprocess.run(["psql", ADMIN_DB, "-qc", statement], check=True, capture_output=True)


def wait_until(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"FAILED: {what} within {seconds} s")


def main():
    for tool in ("nginx", "openssl", "psql"):
        if not shutil.which(tool) and not Path("/usr/sbin", tool).exists():
            raise SystemExit(
                f"{tool} is needed (apt-get install nginx-light openssl postgresql-client)"
            )
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    processes, failures = [], []
    figures = {}
    temp = Path(tempfile.mkdtemp(prefix="tori-loopback-"))
    sink, ok = None, False
    try:
        started = time.monotonic()
        python = install_wheel(temp)
        figures["wheel installed (s)"] = round(time.monotonic() - started, 1)
        app_ports = [free_port(), free_port()]
        https_port, http_port, smtp_port = free_port(), free_port(), free_port()
        sink = SMTPSink(smtp_port)
        threading.Thread(target=sink.serve_forever, daemon=True).start()
        env = settings_env(temp, https_port, smtp_port)
        for folder in ("media", "private-media", "static"):
            (temp / "srv" / folder).mkdir(parents=True, exist_ok=True)
        psql(f"DROP DATABASE IF EXISTS {DB_NAME}", f"CREATE DATABASE {DB_NAME}")
        work = temp / "srv"

        def manage(*args):
            subprocess.run(
                [python, "-m", "django", *args],
                cwd=work,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )

        started = time.monotonic()
        manage("migrate", "--no-input")
        manage("compile_translations")
        manage("collectstatic", "--no-input")
        manage(
            "seed_demo",
            "--deeds",
            "60",
            "--organisations",
            "10",
            "--skip",
            "events",
            "--skip",
            "newsletter",
        )
        figures["migrate, static and demo (s)"] = round(time.monotonic() - started, 1)
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-keyout",
                temp / "key.pem",
                "-out",
                temp / "cert.pem",
            ],
            check=True,
            capture_output=True,
        )
        (temp / "nginx.conf").write_text(nginx_conf(temp, app_ports, https_port, http_port))
        tested = subprocess.run(
            [nginx, "-t", "-c", temp / "nginx.conf"], capture_output=True, text=True
        )
        if tested.returncode:
            raise SystemExit(
                f"FAILED: nginx -t\n{tested.stderr}\n{(temp / 'nginx.conf').read_text()}"
            )
        log = open(temp / "processes.log", "wb")
        started = time.monotonic()
        for port in app_ports:
            (command,) = unit_commands("tori-web@.service", python, port)
            processes.append(
                subprocess.Popen(
                    command, cwd=work, env=env, stdout=log, stderr=log, start_new_session=True
                )
            )
        for command in unit_commands("tori-worker.service", python):
            processes.append(
                subprocess.Popen(
                    command, cwd=work, env=env, stdout=log, stderr=log, start_new_session=True
                )
            )
        processes.append(
            subprocess.Popen(
                [nginx, "-c", temp / "nginx.conf"], stdout=log, stderr=log, start_new_session=True
            )
        )
        site = Site(https_port)
        wait_until(
            lambda: site.request("GET", "/healthz")[0] == 200,
            90,
            "/healthz answering through nginx",
        )
        figures["start to first answer (s)"] = round(time.monotonic() - started, 1)

        def check(name, ok, detail=""):
            print(f"{'ok  ' if ok else 'FAIL'} {name} {detail}")
            if not ok:
                failures.append(name)

        status, headers, body, ms = site.request("GET", "/")
        check("home page", status == 200 and "Tekojen tori" in body, f"{status} {ms:.0f} ms")
        check(
            "HSTS and CSP headers",
            "Strict-Transport-Security" in headers and "Content-Security-Policy" in headers,
        )
        status, _, body, ms = site.request("GET", "/teot/?q=ty%C3%B6hyvinvointi")
        check("search", status == 200 and "teko" in body.lower(), f"{status} {ms:.0f} ms")
        conn = http.client.HTTPConnection("127.0.0.1", http_port, timeout=10)
        conn.request("GET", "/teot/", headers={"Host": "localhost"})
        redirect = conn.getresponse()
        check(
            "http goes to https",
            redirect.status == 301 and redirect.getheader("Location", "").startswith("https://"),
        )
        # A form post: the newsletter's subscription, whose confirmation goes through the
        # outbox and the worker to the SMTP sink.
        status, _, page, _ = site.request("GET", "/uutiskirje/")
        token = re.search(r'name="started" value="([^"]+)"', page)
        time.sleep(1.2)
        address = f"loopback{secrets.token_hex(3)}@example.fi"
        form = urllib.parse.urlencode(
            {
                "email": address,
                "language": "fi",
                "wants_newsletter": "on",
                "consent": "on",
                "started": token.group(1) if token else "",
                "tt_leave_empty": "",
            }
        )
        status, headers, _, ms = site.request(
            "POST",
            "/uutiskirje/",
            body=form,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://localhost:{https_port}",
            },
        )
        check("form post", status == 303, f"{status} {ms:.0f} ms")
        sent_at = time.monotonic()
        try:
            wait_until(
                lambda: any(address in rcpt for rcpt, _ in sink.messages),
                60,
                "the confirmation email",
            )
            check(
                "email through the outbox, worker and SMTP",
                True,
                f"{time.monotonic() - sent_at:.1f} s",
            )
        except SystemExit:
            check("email through the outbox, worker and SMTP", False)
        # One app process down: nginx passes every request to the other one.
        processes[0].send_signal(signal.SIGTERM)
        processes[0].wait(30)
        answers = [site.request("GET", "/teot/")[0] for _ in range(20)]
        check(
            "one app process stopped: 20 of 20 answered",
            answers.count(200) == 20,
            str(sorted(set(answers))),
        )
        ok = True
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        if sink:
            sink.shutdown()
        if failures or not ok:
            for log_name in ("processes.log", "nginx-error.log"):
                if (temp / log_name).exists():
                    print(f"--- {log_name}\n" + (temp / log_name).read_text()[-4000:])
        try:
            psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(temp, ignore_errors=True)
    for name, value in figures.items():
        print(f"{name}: {value}")
    if failures:
        raise SystemExit(f"FAILED: {', '.join(failures)}")
    print("the recipe served on loopback")


if __name__ == "__main__":
    main()
