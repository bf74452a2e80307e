import pytest

from analytics.services import forget_salt

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
ADDRESS = "203.0.113.77"


def visitor(address=ADDRESS, user_agent=FIREFOX, **headers):
    """Test client keyword arguments for a request from a person with a browser."""
    return {"REMOTE_ADDR": address, "headers": {"User-Agent": user_agent, **headers}}


@pytest.fixture(autouse=True)
def _fresh_salt():
    """Each test starts without the process's remembered key (its salt row was rolled back)."""
    forget_salt()
    yield
    forget_salt()
