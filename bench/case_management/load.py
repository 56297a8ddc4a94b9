"""Intake load generator: client threads POSTing to /api/v1/intakes/ with
bearer tokens and Idempotency-Key headers until a deadline, some requests
deliberately replayed. Standard library only: the client processes never set
up Django, so what they cost the machine is little more than the sockets."""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
import uuid
from dataclasses import asdict, dataclass

PATH = "/api/v1/intakes/"
BATCH_PATH = "/api/v1/intakes/batch/"
# A replay of a key this client already completed: the stored outcome must come back.
REPLAY_PROBABILITY = 0.05
# The same new key sent twice at once on two connections: one runs, the other
# gets 409 (still running) or the stored outcome.
CONCURRENT_DUPLICATE_PROBABILITY = 0.02
SOCKET_TIMEOUT = 30
# A bound on every loop, whatever the clock says.
MAX_REQUESTS_PER_CLIENT = 100_000

GIVEN = ("Amina", "Mohamed", "Selam", "Tesfaye", "Olha", "Yurii", "Sunita", "Rahim", "Ngozi")
FAMILY = ("Hassan", "Gebremariam", "Shevchenko", "Thapa", "Hossain", "Okafor", "Haidari")


@dataclass
class Outcome:
    client: int
    key: str
    kind: str  # new, replay, duplicate
    status: int
    intake_id: str | None
    replayed: bool
    seconds: float
    started: float


def _payload(rng: random.Random) -> dict:
    name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    return {
        "channel": rng.choice(["hotline", "hotline", "outreach", "self_referral"]),
        "account": (
            "Synthetic benchmark account: the caller describes recruitment abroad, "
            "withheld documents and unpaid wages, and asks for a safe place to stay. "
        )
        * rng.randint(1, 3),
        "anonymous": False,
        "contact": {
            "name": name,
            "phone": f"+356 {rng.randint(20000000, 99999999)}",
            "safe_time": "evenings",
        },
        "person_details": {
            "name": name,
            "sex": rng.choice(["female", "male"]),
            "age": f"about {rng.randint(16, 50)}",
            "nationality": "SD",
        },
        "language": rng.choice(["ar", "en", "fr", "ti"]),
        "in_danger": rng.random() < 0.1,
    }


class _Connection:
    def __init__(self, port: int, token: str, path: str = PATH) -> None:
        self.port = port
        self.path = path
        self.headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "X-Forwarded-Proto": "https",
            "Host": "127.0.0.1",
        }
        self.connection: http.client.HTTPConnection | None = None

    def send(self, key: str, body: bytes) -> None:
        if self.connection is None:
            self.connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=SOCKET_TIMEOUT
            )
        self.connection.request(
            "POST", self.path, body=body, headers={**self.headers, "Idempotency-Key": key}
        )

    def receive(self) -> tuple[int, dict, bool]:
        assert self.connection is not None
        response = self.connection.getresponse()
        data = response.read()
        replayed = response.getheader("Idempotent-Replayed") == "true"
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        try:
            document = json.loads(data) if data else {}
        except ValueError:
            document = {}
        return response.status, document, replayed

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def _client(
    index: int,
    port: int,
    token: str,
    start_at: float,
    deadline: float,
    seed: int,
    outcomes: list[Outcome],
) -> None:
    rng = random.Random(seed * 1000 + index)
    main, second = _Connection(port, token), _Connection(port, token)
    completed: list[tuple[str, bytes]] = []

    def exchange(connection: _Connection, key: str, body: bytes) -> tuple[int, dict, bool]:
        try:
            return connection.receive()
        except (OSError, http.client.HTTPException):
            connection.close()
            return 0, {}, False

    while time.time() < start_at:
        time.sleep(0.005)
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.time() >= deadline:
            break
        draw = rng.random()
        started = time.perf_counter()
        wall = time.time()
        if completed and draw < REPLAY_PROBABILITY:
            key, body = rng.choice(completed)
            kind = "replay"
        else:
            key, body = uuid.uuid4().hex, json.dumps(_payload(rng)).encode()
            kind = "new"
        duplicate = kind == "new" and draw > 1 - CONCURRENT_DUPLICATE_PROBABILITY
        try:
            main.send(key, body)
            if duplicate:
                second.send(key, body)
        except (OSError, http.client.HTTPException):
            main.close()
            second.close()
            outcomes.append(
                Outcome(index, key, kind, 0, None, False, time.perf_counter() - started, wall)
            )
            continue
        status, document, replayed = exchange(main, key, body)
        outcomes.append(
            Outcome(
                index,
                key,
                kind,
                status,
                document.get("id"),
                replayed,
                time.perf_counter() - started,
                wall,
            )
        )
        if duplicate:
            status2, document2, replayed2 = exchange(second, key, body)
            outcomes.append(
                Outcome(
                    index,
                    key,
                    "duplicate",
                    status2,
                    document2.get("id"),
                    replayed2,
                    time.perf_counter() - started,
                    wall,
                )
            )
        if status == 201 and kind == "new":
            completed.append((key, body))
    main.close()
    second.close()


# --- batches: an outreach device syncing what it recorded offline -----------------------------

# A completed batch sent again under a new key (the answer was lost and the
# device retries item by item): nothing may be created twice.
RESEND_PROBABILITY = 0.02


@dataclass
class BatchOutcome:
    client: int
    key: str
    kind: str  # new, replay, duplicate, resend
    status: int
    items: list  # [client_reference, id, created] per item in the answer
    replayed: bool
    seconds: float
    started: float


def _batch_client(
    index: int,
    port: int,
    token: str,
    start_at: float,
    deadline: float,
    seed: int,
    outcomes: list,
    batch_size: int,
) -> None:
    rng = random.Random(seed * 1000 + index + 500)
    main = _Connection(port, token, BATCH_PATH)
    second = _Connection(port, token, BATCH_PATH)
    completed: list[tuple[str, bytes]] = []

    def answer(connection: _Connection) -> tuple[int, list, bool]:
        try:
            status, document, replayed = connection.receive()
        except (OSError, http.client.HTTPException):
            connection.close()
            return 0, [], False
        items = [
            [item.get("client_reference"), item.get("id"), item.get("created")]
            for item in document.get("intakes", [])
            if isinstance(item, dict)
        ]
        return status, items, replayed

    while time.time() < start_at:
        time.sleep(0.005)
    for _ in range(MAX_REQUESTS_PER_CLIENT):
        if time.time() >= deadline:
            break
        draw = rng.random()
        started, wall = time.perf_counter(), time.time()
        if completed and draw < REPLAY_PROBABILITY:
            key, body = rng.choice(completed)
            kind = "replay"
        elif completed and draw < REPLAY_PROBABILITY + RESEND_PROBABILITY:
            key, body = uuid.uuid4().hex, rng.choice(completed)[1]
            kind = "resend"
        else:
            items = [
                {**_payload(rng), "client_reference": str(uuid.uuid4())} for _ in range(batch_size)
            ]
            key, body = uuid.uuid4().hex, json.dumps({"intakes": items}).encode()
            kind = "new"
        duplicate = kind == "new" and draw > 1 - CONCURRENT_DUPLICATE_PROBABILITY
        try:
            main.send(key, body)
            if duplicate:
                second.send(key, body)
        except (OSError, http.client.HTTPException):
            main.close()
            second.close()
            outcomes.append(
                BatchOutcome(index, key, kind, 0, [], False, time.perf_counter() - started, wall)
            )
            continue
        status, items, replayed = answer(main)
        outcomes.append(
            BatchOutcome(
                index, key, kind, status, items, replayed, time.perf_counter() - started, wall
            )
        )
        if duplicate:
            status2, items2, replayed2 = answer(second)
            outcomes.append(
                BatchOutcome(
                    index,
                    key,
                    "duplicate",
                    status2,
                    items2,
                    replayed2,
                    time.perf_counter() - started,
                    wall,
                )
            )
        if status == 201 and kind == "new":
            completed.append((key, body))
    main.close()
    second.close()


def run_clients(
    port: int,
    tokens: list[tuple[int, str]],
    start_at: float,
    duration: float,
    seed: int,
    batch_size: int = 0,
) -> list[dict]:
    """Run one thread per (client index, token) in this process; returns outcomes.
    ``batch_size`` > 0 sends batches of that many intakes instead of one each."""
    outcomes: list = []
    deadline = start_at + duration
    target, extra = (_batch_client, (batch_size,)) if batch_size else (_client, ())
    threads = [
        threading.Thread(
            target=target,
            args=(index, port, token, start_at, deadline, seed, outcomes, *extra),
            daemon=True,
        )
        for index, token in tokens
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + SOCKET_TIMEOUT * 3 + 10)
    return [asdict(outcome) for outcome in outcomes]


def _process_entry(arguments: tuple) -> list[dict]:
    return run_clients(*arguments)
