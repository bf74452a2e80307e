"""The events app's time: core.clock, the demo's one seam (kept here for the
migrations that name ``events.clock.now`` as a default)."""

from core.clock import Replay, mail_on, now, replay

__all__ = ["Replay", "mail_on", "now", "replay"]
