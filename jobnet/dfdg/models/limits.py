"""Abuse-limit counters (jobnet/rate_limit_storage.py), shared by every DFDG process."""

from __future__ import annotations

from sqlalchemy import Float, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from jobnet.dfdg.models.base import Base


class RateLimitCounter(Base):
    """One counter: failed bearer tokens from one address in the current window."""

    __tablename__ = "dfdg_rate_limit_counters"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    expires_at: Mapped[float] = mapped_column(Float, index=True)
