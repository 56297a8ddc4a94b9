"""The public portal: ask for help anonymously, follow up with a code and a
passphrase, report a missing relative; bad input, replays and bots handled."""

from __future__ import annotations

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from haven.accounts.roles import Role
from haven.audit.models import AuditEntry
from haven.intake.models import Channel, Intake, PublicTicket, TicketMessage
from haven.platform.models import StoredFile
from haven.platform.uploads import upload_dir
from haven.tracing.models import MissingPersonReport
from tests.conftest import verified_client

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def help_request(**overrides) -> dict:  # type: ignore[no-untyped-def]
    data = {
        "account": "They keep my passport and do not pay me.",
        "place": "Farm near the river",
        "when": "since March",
        "in_danger": "no",
        "contact_choice": "anonymous",
        "q_documents": "yes",
        "q_wages": "yes",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def sent_details(client: Client) -> tuple[str, str]:
    page = client.get("/help/sent/").content.decode()
    codes = re.findall(r'<code dir="ltr" class="code">([^<]+)</code>', page)
    return codes[0], codes[1]


def test_anonymous_help_request_lands_in_the_triage_queue(receiving):
    client = Client()
    response = client.post("/help/ask/", help_request())
    assert response.status_code == 302 and response["Location"] == "/help/sent/"
    code, passphrase = sent_details(client)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    # Shown once only.
    assert client.get("/help/sent/")["Location"] == "/help/"
    intake = Intake.objects.get()
    assert intake.channel == Channel.PORTAL
    assert intake.agency == receiving["hotline"]
    assert intake.anonymous and intake.contact is None
    assert intake.circumstances["answers"] == {"documents": "yes", "wages": "yes"}
    assert PublicTicket.objects.get().passphrase_hash != passphrase
    entry = AuditEntry.objects.get(object_type="intake", action="create")
    assert entry.actor_label == "anonymous"


def test_the_form_never_asks_for_immigration_status(db):
    page = Client().get("/help/ask/").content.decode().lower()
    labels = " ".join(re.findall(r"<label[^>]*>(.*?)</label>", page, flags=re.S))
    assert "status" not in labels and "permit" not in labels and "visa" not in labels


def test_a_replayed_form_is_stored_once(receiving):
    client = Client()
    data = help_request()
    client.post("/help/ask/", data)
    client.get("/help/sent/")
    client.post("/help/ask/", data)
    page = client.get("/help/sent/").content.decode()
    assert "already sent" in page
    assert Intake.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_kept(receiving):
    client = Client()
    response = client.post("/help/ask/", help_request(website="http://spam.example"))
    assert response.status_code == 302
    assert Intake.objects.count() == 0


def test_missing_fields_get_messages_in_the_persons_language(receiving):
    client = Client()
    response = client.post(
        "/help/ask/",
        help_request(account="", q_documents="", q_wages="", contact_choice="contact"),
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert response.status_code == 200
    assert Intake.objects.count() == 0
    assert 'lang="fr"' in response.content.decode()


def test_oversized_text_and_broken_encoding_are_refused_cleanly(receiving):
    client = Client()
    too_long = client.post("/help/ask/", help_request(account="x" * 10_001))
    assert too_long.status_code == 200 and Intake.objects.count() == 0
    broken = client.post(
        "/help/ask/",
        b"account=%FF%FE%FD&in_danger=no",
        content_type="application/x-www-form-urlencoded",
    )
    assert broken.status_code in (200, 400)
    assert Intake.objects.count() == 0


def test_upload_type_is_checked_by_content_and_stored_encrypted(receiving):
    client = Client()
    fake = SimpleUploadedFile("photo.png", b"MZ\x90\x00 not a picture", "image/png")
    response = client.post("/help/ask/", {**help_request(), "attachment": fake})
    assert response.status_code == 200
    assert "Only photos" in response.content.decode()
    assert Intake.objects.count() == 0
    real = SimpleUploadedFile("photo.png", PNG, "image/png")
    response = client.post("/help/ask/", {**help_request(), "attachment": real})
    assert response.status_code == 302
    stored = StoredFile.objects.get()
    assert stored.content_type == "image/png"
    on_disk = (upload_dir() / str(stored.pk)).read_bytes()
    assert b"PNG" not in on_disk


def test_oversized_upload_is_refused_with_a_message(receiving):
    client = Client()
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * (5 * 1024 * 1024), "image/png")
    response = client.post("/help/ask/", {**help_request(), "attachment": big})
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()
    assert Intake.objects.count() == 0


def test_follow_up_with_code_and_passphrase_then_messages_both_ways(receiving, cast):
    client = Client()
    client.post("/help/ask/", help_request())
    code, passphrase = sent_details(client)
    follow = Client()
    response = follow.post("/help/follow/", {"code": code.lower(), "passphrase": passphrase})
    assert response["Location"] == "/help/follow/request/"
    page = follow.get("/help/follow/request/").content.decode()
    assert "Someone will look at your request soon" in page
    assert code not in follow.get("/help/follow/request/")["Content-Type"]
    follow.post(
        "/help/follow/request/",
        {"body": "They moved me to another farm.", "form_token": str(uuid.uuid4())},
    )
    assert TicketMessage.objects.filter(from_person=True).count() == 1
    # The hotline answers; the person sees it.
    hotline = verified_client(cast[Role.HOTLINE_OPERATOR])
    intake = Intake.objects.get()
    assert "They moved me to another farm." in hotline.get(f"/intake/{intake.pk}/").content.decode()
    hotline.post(f"/intake/{intake.pk}/reply/", {"body": "We will call you tomorrow."})
    assert "We will call you tomorrow." in follow.get("/help/follow/request/").content.decode()


def test_wrong_code_or_passphrase_reveals_nothing_and_is_rate_limited(receiving):
    client = Client()
    client.post("/help/ask/", help_request())
    code, _passphrase = sent_details(client)
    attacker = Client()
    wrong_pass = attacker.post("/help/follow/", {"code": code, "passphrase": "nope"})
    wrong_code = attacker.post("/help/follow/", {"code": "AAAA-BBBB-CCCC", "passphrase": "nope"})
    assert wrong_pass.status_code == wrong_code.status_code == 200
    message = "The tracking code or the passphrase is not right."
    assert message in wrong_pass.content.decode() and message in wrong_code.content.decode()
    statuses = [
        attacker.post(
            "/help/follow/", {"code": code, "passphrase": "nope"}, REMOTE_ADDR=f"10.1.0.{n}"
        ).status_code
        for n in range(8)
    ]
    assert 429 in statuses  # per-code limit holds across addresses


def test_missing_relative_report_lands_in_tracing(receiving, cast):
    client = Client()
    response = client.post(
        "/help/missing-relative/",
        {
            "name_own_script": "ዳዊት ተኽለ",
            "name_latin": "Dawit Tekle",
            "age": "19",
            "nationality": "er",
            "last_place": "Agadez",
            "route": "Khartoum > Kufra > Agadez",
            "inquirer_name": "Saba",
            "inquirer_relation": "sister",
            "inquirer_phone": "+2917123456",
            "form_token": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    report = MissingPersonReport.objects.get()
    assert report.agency == receiving["tracing"] and report.nationality == "ER"
    tracer = verified_client(cast[Role.TRACING_OFFICER])
    assert "Dawit Tekle" in tracer.get("/tracing/reports/").content.decode()
    assert tracer.get(f"/tracing/reports/{report.pk}/").status_code == 200
    caseworker = verified_client(cast[Role.CASEWORKER])
    assert caseworker.get(f"/tracing/reports/{report.pk}/").status_code == 403


def test_no_receiving_agency_is_a_clear_message_not_a_loss(agencies):
    response = Client().post("/help/ask/", help_request())
    assert response.status_code == 200
    assert "cannot be received online right now" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/help/", "/help/ask/", "/help/missing-relative/", "/help/rights/", "/help/follow/"]
)
def test_every_portal_page_is_neutral_light_and_has_a_quick_exit(db, path):
    response = Client().get(path)
    page = response.content.decode()
    assert "<title>Help and information</title>" in page
    assert 'class="quick-exit"' in page
    assert "https://" not in page.replace('href="https://www.wikipedia.org/"', "").replace(
        'data-exit="https://www.wikipedia.org/"', ""
    )
    css = Client().get("/static/portal/portal.css")
    script = Client().get("/static/portal/exit.js")
    weight = (
        len(response.content)
        + len(b"".join(css.streaming_content))
        + len(b"".join(script.streaming_content))
    )
    assert weight < 100_000


def test_the_person_sees_the_status_change_after_triage(receiving, cast):
    client = Client()
    client.post(
        "/help/ask/",
        help_request(
            contact_choice="contact",
            contact_phone="+35699000000",
            safe_time="after 8 pm",
            safe_channel="text only",
        ),
    )
    code, passphrase = sent_details(client)
    hotline = cast[Role.HOTLINE_OPERATOR]
    queue = verified_client(hotline).get("/intake/").content.decode()
    assert "after 8 pm" in queue and "text only" in queue
    from haven.cases import services as case_services

    intake = Intake.objects.get()
    case_services.intake_open_case(
        actor=hotline,
        intake_id=intake.pk,
        expected_version=intake.version,
        new_person={"original_name": "Anonymous caller"},
    )
    follow = Client()
    follow.post("/help/follow/", {"code": code, "passphrase": passphrase})
    assert (
        "A caseworker is following your request."
        in follow.get("/help/follow/request/").content.decode()
    )
