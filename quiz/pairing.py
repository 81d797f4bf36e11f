"""Two browsers, one learner: a short one-time code hands one browser's id to another.

Without login each browser is one learner, a random 128-bit id in its localStorage
(ui/learner_bridge.js). To use one history on a laptop and a phone, one browser asks for a
code and the other enters it; the second browser then keeps the first one's id as its own,
so it stays the same learner across restarts and a wiped server disk (its localStorage
holds the id, as the first browser's does).

The code is 8 characters of Crockford's base32 (40 bits), valid for ``TTL`` and only once.
The database never holds a browser id in the clear: a code's row is keyed by a slow hash of
the code (scrypt) and holds the id XOR-ed with another part of that hash, so only someone who
knows the code can read it back, and the id is wiped from the row once used or expired.
Failed tries are counted per source (the session, and the client's address) and refused
beyond a limit: guessing a live code among 2**40 is hopeless within it.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from .attempt import stamp
from .store import HistoryDB
from .tables import pairing_codes, pairing_fails

TTL = timedelta(minutes=10)
WINDOW = timedelta(minutes=10)
MAX_FAILS_PER_SESSION = 5
MAX_FAILS_PER_ADDRESS = 20
_KEEP_SPENT = timedelta(hours=1)  # a spent code is remembered a while, to say why it fails
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_LENGTH = 8
_BROWSER_ID = re.compile(r"^[0-9a-f]{32}$")
_SALT = b"actlab-pairing-v1"

OK, MALFORMED, UNKNOWN, EXPIRED, USED, LIMITED = (
    "ok", "malformed", "unknown", "expired", "used", "limited")


@dataclass(frozen=True)
class Offer:
    code: str  # as shown: ABCD-EFGH
    expires_at: datetime


@dataclass(frozen=True)
class Redeemed:
    status: str  # OK or why not
    browser_id: str | None = None


def normalize(text: object) -> str | None:
    """The code a learner typed, as stored; None if it cannot be one. Case, spaces and
    hyphens do not matter, and the letters read as digits (O, I, L) are taken as them."""
    if not isinstance(text, str) or len(text) > 40:
        return None
    code = re.sub(r"[\s\-‐-―ー－]", "", text).upper()
    code = code.translate(str.maketrans("OIL", "011"))
    if len(code) != _LENGTH or any(c not in _ALPHABET for c in code):
        return None
    return code


def shown(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _keys(code: str) -> tuple[str, bytes]:
    """The row's key and the pad that seals the id, both from a slow hash of the code."""
    derived = hashlib.scrypt(code.encode(), salt=_SALT, n=2**14, r=8, p=1, dklen=48)
    return derived[:32].hex(), derived[32:]


def _xor(data: bytes, pad: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, pad, strict=True))


def _tidy(conn: sa.Connection, now: datetime) -> None:
    """Expired codes lose their sealed id at once and their row an hour later."""
    conn.execute(pairing_codes.update()
                 .where(pairing_codes.c.expires_at <= stamp(now), pairing_codes.c.sealed != "")
                 .values(sealed=""))
    conn.execute(pairing_codes.delete()
                 .where(pairing_codes.c.expires_at <= stamp(now - _KEEP_SPENT)))
    conn.execute(pairing_fails.delete().where(pairing_fails.c.at <= stamp(now - WINDOW)))


def new_code(db: HistoryDB, learner: str, browser_id: str, now: datetime | None = None) -> Offer:
    """A fresh code for this browser's id; the learner's earlier code stops working."""
    if not _BROWSER_ID.match(browser_id):
        raise ValueError("not a browser id")
    now = now or datetime.now(UTC)
    code = "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))
    lookup, pad = _keys(code)
    with db.engine.begin() as conn:
        _tidy(conn, now)
        conn.execute(pairing_codes.update()
                     .where(pairing_codes.c.learner == learner, pairing_codes.c.sealed != "")
                     .values(sealed="", expires_at=stamp(now)))
        conn.execute(pairing_codes.insert().values(
            lookup=lookup, learner=learner, sealed=_xor(bytes.fromhex(browser_id), pad).hex(),
            expires_at=stamp(now + TTL), used_at=None))
    return Offer(shown(code), now + TTL)


def _source_key(source: str) -> str:
    return hashlib.sha256(("pairing-source\x00" + source).encode()).hexdigest()


def redeem(db: HistoryDB, text: object, sources: list[str],
           now: datetime | None = None) -> Redeemed:
    """The browser id that ``text`` (a typed code) hands over, once; or why not.
    ``sources`` name who is trying (e.g. ``session:…``, ``address:…``): each may fail
    only so often in WINDOW, after which even a right code is refused until it passes."""
    now = now or datetime.now(UTC)
    keys = [_source_key(s) for s in sources]
    limits = [MAX_FAILS_PER_SESSION if s.startswith("session:") else MAX_FAILS_PER_ADDRESS
              for s in sources]
    code = normalize(text)
    if code is None:
        return Redeemed(MALFORMED)
    lookup, pad = _keys(code)
    with db.engine.begin() as conn:
        _tidy(conn, now)
        for key, limit in zip(keys, limits, strict=True):
            fails = conn.execute(sa.select(sa.func.count()).select_from(pairing_fails)
                                 .where(pairing_fails.c.source == key)).scalar_one()
            if fails >= limit:
                return Redeemed(LIMITED)
        row = conn.execute(sa.select(pairing_codes.c.sealed, pairing_codes.c.expires_at,
                                     pairing_codes.c.used_at)
                           .where(pairing_codes.c.lookup == lookup).with_for_update()).first()
        if row is None or not row.sealed:
            status = (UNKNOWN if row is None else USED if row.used_at is not None else EXPIRED)
            conn.execute(pairing_fails.insert(), [{"source": k, "at": stamp(now)} for k in keys])
            return Redeemed(status)
        taken = conn.execute(pairing_codes.update()
                             .where(pairing_codes.c.lookup == lookup, pairing_codes.c.sealed != "")
                             .values(sealed="", used_at=stamp(now))).rowcount
        if taken != 1:  # another process took it between the read and the write
            return Redeemed(USED)
        return Redeemed(OK, _xor(bytes.fromhex(row.sealed), pad).hex())


def move_answers(db: HistoryDB, old: str, new: str) -> int:
    """The answers a browser gave as its old learner join the learner it now is (none lost,
    none doubled); returns how many were new to the new learner."""
    if old == new:
        return 0
    attempts = db.attempts(old)
    added = db.add(new, attempts) if attempts else 0
    run = db.load_run(old)
    if run is not None and db.load_run(new) is None:  # a mock exam in progress comes along
        db.save_run(new, run)
    db.forget(old)
    return added
