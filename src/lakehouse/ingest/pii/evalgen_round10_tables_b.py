"""Round-10 tables, part B (split from evalgen_round10.py to keep files small; the output is unchanged)."""

from __future__ import annotations

from datetime import date, datetime

from lakehouse.ingest.pii.evalgen_lists import STREET_LINE_PART
from lakehouse.ingest.pii.evalgen_round10_gen import UK_LETTERS, Gen, fold
from lakehouse.ingest.pii.evalgen_round10_names import EN_FIRST, EN_LAST, KE_FIRST, KE_LAST


def _wakulima(g: Gen) -> None:
    g.start("usajili_wa_wakulima_kaunti")
    g.add("namba_ya_usajili", lambda i: f"NYR/{g.rng.randint(2021, 2026)}/{g.d(5)}")
    g.add("jina_kamili", lambda i: f"{g.rng.choice(KE_FIRST)} {g.rng.choice(KE_LAST)}", "person_name", 0.06)
    g.add(
        "namba_ya_kitambulisho",
        lambda i: (
            str(g.rng.randint(10_000_000, 39_999_999))
            if g.rng.random() < 0.85
            else str(g.rng.randint(1_000_000, 9_999_999))
        ),
        "national_id",
        0.05,
    )
    g.add(
        "namba_ya_simu",
        lambda i: g.pick(f"07{g.d(2)} {g.d(6)}", f"+2547{g.d(8)}", f"0722-{g.d(3)}-{g.d(3)}", f"011{g.d(7)}"),
        "phone",
        0.1,
    )
    g.add("mwaka_wa_kuzaliwa", lambda i: g.rng.randint(1950, 2004), note="birth year alone")
    g.add(
        "jina_la_mrithi",
        lambda i: f"{g.rng.choice(KE_FIRST)} {g.rng.choice(KE_LAST)}",
        "person_name",
        0.15,
        note="next of kin",
    )
    g.add("kaunti", lambda i: g.pick("Nyeri", "Kiambu", "Meru", "Murang'a", "Kirinyaga"))
    g.add(
        "kijiji",
        lambda i: g.pick("Karatina", "Othaya", "Mukurwe-ini", "Chinga", "Tetu", "Gatitu"),
        note="village alone",
    )
    g.add("ukubwa_ekari", lambda i: round(g.rng.uniform(0.25, 12), 2))
    g.add(
        "gps_shamba",
        lambda i: f"{g.rng.uniform(-0.6, -0.2):.5f}, {g.rng.uniform(36.8, 37.2):.5f}",
        note="farm geolocation",
    )
    g.add(
        "maelezo",
        lambda i: (
            g.pick("amepokea mbolea", "", "ziara ya afisa ugani Machi", "anahitaji mbegu za kahawa")
            if g.rng.random() < 0.6
            else g.pick(f"mpigie mke wake 07{g.d(8)}", f"simu mpya +254 7{g.d(2)} {g.d(6)}")
        ),
        contains=["phone"],
    )


def _apiary(g: Gen) -> None:
    n = g.start("ApiaryRegistration_2026")
    first = [g.rng.choice(EN_FIRST) for _ in range(n)]
    last = [g.rng.choice(EN_LAST) for _ in range(n)]
    g.add("ApiaryID", lambda i: f"AP-{g.pick('LAN', 'OTT', 'KNT')}-{g.d(5)}")
    g.add(
        "BeekeeperName",
        [g.pick(f"{first[i]} {last[i]}", f"{last[i]}, {first[i]}", f"{first[i][0]}. {last[i]}") for i in range(n)],
        "person_name",
        0.06,
    )
    g.add(
        "Phone",
        lambda i: g.pick(
            f"(517) {g.d(3)}-{g.d(4)}", f"616.{g.d(3)}.{g.d(4)}", f"+1 269 {g.d(3)} {g.d(4)}", f"989{g.d(7)}"
        ),
        "phone",
        0.1,
    )
    g.add(
        "Email",
        [g.email(first[i], last[i], ["gmail.com", "yahoo.com", "att.net", "charter.net"]) for i in range(n)],
        "email",
        0.12,
    )
    g.add(
        "MailingAddr",
        lambda i: g.pick(
            f"{g.rng.randint(100, 9999)} {g.fake.street_name()} {g.pick('Rd', 'Hwy', 'Ln', 'Dr')}",
            f"PO Box {g.rng.randint(10, 999)}",
            f"{g.rng.randint(1, 9999)} N {g.rng.randint(1, 90)}th St",
        ),
        "address_part",
        0.08,
        note=STREET_LINE_PART,
    )
    g.add("Zip", lambda i: g.pick(f"49{g.d(3)}", f"48{g.d(3)}-{g.d(4)}"), "postal_code", 0.03)
    g.add("ApiaryLat", lambda i: round(g.rng.uniform(42.1, 43.9), 5), note="asset location")
    g.add("ApiaryLon", lambda i: round(g.rng.uniform(-86.4, -84.2), 5))
    g.add("LastInspection", lambda i: f"{g.day(date(2025, 4, 1), 400):%m/%d/%Y}")
    g.add(
        "InspectionNotes",
        lambda i: g.pick(
            "Varroa 3/100 alcohol wash, treated OA",
            "no AFB signs observed",
            "queenless colony #4",
            "small hive beetle light",
            "",
            "chalkbrood in 2 hives, requeen advised",
        ),
        note="free text without personal data",
    )


def _box_office(g: Gen) -> None:
    n = g.start("BoxOfficeAttendeeReport")
    first = [g.fake.first_name() if g.rng.random() < 0.5 else g.rng.choice(EN_FIRST) for _ in range(n)]
    last = [g.fake.last_name() if g.rng.random() < 0.5 else g.rng.choice(EN_LAST) for _ in range(n)]
    g.add("OrderNumber", lambda i: f"{g.rng.randint(10**9, 10**10 - 1)}")
    g.add("AttendeeFirstName", first, "person_name", 0.05)
    g.add("AttendeeLastName", last, "person_name", 0.05)
    g.add(
        "AttendeeEmail",
        [g.email(first[i], last[i], ["gmail.com", "icloud.com", "btinternet.com", "me.com"]) for i in range(n)],
        "email",
        0.05,
    )
    g.add(
        "BillingPostcode",
        lambda i: (
            g.pick("SW9 8JX", "M14 5RF", "LS6 2AB", "BS3 4QE", "EH10 4BF", "NW5 1TL")
            if g.rng.random() < 0.8
            else f"{g.pick('B', 'G', 'CF')}{g.rng.randint(1, 40)} {g.rng.randint(1, 9)}"
            f"{g.rng.choice(UK_LETTERS)}{g.rng.choice(UK_LETTERS)}"
        ),
        "postal_code",
        0.05,
    )
    g.add("BuyerIP", lambda i: g.ipv4(), "ip_address")
    g.add("TicketClass", lambda i: g.pick("GA Standing", "Balcony", "VIP Meet & Greet", "Stalls"))
    g.add("BarcodeHash", lambda i: g.sha(40))
    g.add("CardLast4", lambda i: g.d(4), note="last four digits only")
    g.add(
        "CardExp",
        lambda i: g.pick(
            f"{g.rng.randint(1, 12):02d}/{g.rng.randint(26, 31)}", f"{g.rng.randint(1, 12)}/20{g.rng.randint(26, 31)}"
        ),
        "card_expiry",
        0.03,
    )
    g.add("VenueBoxOfficePhone", lambda i: "+44 20 7946 0018", note="venue's business phone")
    g.add(
        "SpecialRequests",
        lambda i: (
            g.pick("", "", "seats together please", "birthday - any upgrade?", "collect at door")
            if g.rng.random() < 0.6
            else g.pick(
                f"running late, text me on 07700 {g.d(6)}",
                f"pls call {g.pick('+44 7', '07')}{g.d(3)} {g.d(6)} re refund",
            )
        ),
        contains=["phone"],
    )


def _git(g: Gen) -> None:
    n = g.start("repos_commits_api_dump")
    devs = []
    for _ in range(12):
        f, la = g.fake.first_name(), g.fake.last_name()
        login = g.pick(f"{fold(f)}{fold(la)[:3]}", f"{fold(la)}-dev", f"{fold(f)[0]}{fold(la)}{g.d(2)}", f"x{fold(f)}x")
        mail = g.pick(
            f"{fold(f)}.{fold(la)}@gmail.com", f"{g.d(8)}+{login}@users.noreply.github.com", f"{fold(f)}@{fold(la)}.dev"
        )
        devs.append((f"{f} {la}", mail, login, g.rng.randint(10**5, 10**8)))
    who = [g.rng.choice(devs) for _ in range(n)]
    subjects = [
        "fix: off-by-one in pager",
        "chore(deps): bump serde to 1.0.210",
        "docs: typo in README",
        "feat: add retry to uploader",
        "refactor parser state machine",
        "test: cover empty input",
        "Merge pull request #{} from fork/main",
        "ci: pin runner image",
    ]

    def message(i: int) -> str:
        s = g.rng.choice(subjects).format(g.rng.randint(100, 999))
        r = g.rng.random()
        if r < 0.35:
            other = g.rng.choice(devs)
            return f"{s}\n\nSigned-off-by: {other[0]} <{other[1]}>"
        if r < 0.5:
            other = g.rng.choice(devs)
            return f"{s}\n\nCo-authored-by: {other[0]} <{other[1]}>"
        return s

    g.add("sha", lambda i: g.sha(40))
    g.add("commit.author.name", [w[0] for w in who], "person_name")
    g.add("commit.author.email", [w[1] for w in who], "email")
    g.add("commit.author.date", lambda i: g.stamp(datetime(2026, 6, 1), 150).isoformat(timespec="seconds") + "Z")
    g.add("commit.message", message, contains=["email", "person_name"])
    g.add("commit.tree.sha", lambda i: g.sha(40))
    g.add("author.login", [w[2] for w in who], "username")
    g.add("author.id", [w[3] for w in who])
    g.add("commit.verification.verified", lambda i: g.rng.random() < 0.4)


def _casting(g: Gen) -> None:
    n = g.start("casting_db_talent")
    first = [g.fake.first_name() for _ in range(n)]
    last = [g.fake.last_name() for _ in range(n)]
    g.add("talent_id", lambda i: f"T{g.d(6)}")
    g.add("legal_nm", [f"{first[i]} {last[i]}" for i in range(n)], "person_name", 0.04)
    g.add(
        "stage_nm",
        [
            g.pick(f"{first[i]} {g.fake.last_name()}", f"{first[i][0]}.{last[i]}", f"{g.fake.first_name()} {last[i]}")
            for i in range(n)
        ],
        "person_name",
        0.1,
    )
    g.add(
        "dob",
        lambda i: g.pick("{:%Y-%m-%d}", "{:%m/%d/%Y}", "{:%d %b %Y}").format(g.birth(1950, 2012)),
        "date_of_birth",
        0.1,
    )
    g.add("agency", lambda i: g.pick("Silverline Talent Mgmt", "Northpoint Artists", "Self-represented", "CAZ Agency"))
    g.add(
        "agency_ph",
        lambda i: g.pick("+1 323 555 0142", "+44 20 7946 0321", "(310) 555-0177"),
        note="agency's business line",
    )
    g.add(
        "mob",
        lambda i: g.pick(
            f"+1 {g.pick('213', '323', '917', '646')} {g.rng.randint(200, 999)} {g.d(4)}",
            f"07{g.d(3)} {g.d(6)}",
            f"({g.pick('310', '818', '424')}) {g.rng.randint(200, 999)}-{g.d(4)}",
        ),
        "phone",
        0.12,
    )
    g.add(
        "eml", [g.email(first[i], last[i], ["gmail.com", "outlook.com", "proton.me"]) for i in range(n)], "email", 0.1
    )
    g.add("union_no", lambda i: g.pick(f"SAG{g.d(7)}", f"EQ-{g.d(5)}", ""), note="union membership number")
    g.add(
        "pp_no",
        lambda i: g.pick(
            g.d(9), f"{g.rng.choice('CXKLN')}{g.d(8)}", f"{g.rng.choice('ABCDEFG')}{g.rng.choice('ABCDEFG')}{g.d(7)}"
        ),
        "passport",
        0.2,
        note="passport number for travel shoots",
    )
    g.add("day_rate_usd", lambda i: g.rng.choice([250, 450, 650, 1100, 2500, 5000]), "salary")
    g.add(
        "notes",
        lambda i: (
            g.pick("great cold read", "", "avail. from Oct", "has own wardrobe", "does own stunts")
            if g.rng.random() < 0.55
            else g.pick(
                f"reach via assistant {g.fake.email()}",
                f"direct line {g.pick('+1 ', '')}{g.pick('213', '917')}-{g.rng.randint(200, 999)}-{g.d(4)}",
                f"pls cc {g.fake.email()} / cell 646.{g.rng.randint(200, 999)}.{g.d(4)}",
            )
        ),
        contains=["email", "phone"],
    )


def _openreview(g: Gen) -> None:
    n = g.start("venue_submissions_notes_json")
    pool = [(g.fake.first_name(), g.fake.last_name()) for _ in range(40)]

    def authors(i: int) -> list[tuple[str, str]]:
        return g.rng.sample(pool, g.rng.randint(1, 5))

    lists = [authors(i) for i in range(n)]
    titles = [
        "Sparse Mixture Routing Without Tears",
        "On the Calibration of Tabular Foundation Models",
        "Provable Bounds for Retrieval-Augmented Decoding",
        "A Benchmark for Multilingual Table QA",
        "Learning to Compress KV Caches",
        "Diffusion Priors for Sensor Imputation",
    ]
    g.add(
        "id",
        lambda i: "".join(
            g.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10)
        ),
    )
    g.add("number", list(range(1000, 1000 + n)))
    g.add("content.title", lambda i: g.rng.choice(titles) + g.pick("", "", ": Extended Version"))
    g.add("content.authors", [", ".join(f"{a} {b}" for a, b in lst) for lst in lists], "person_name")
    g.add(
        "content.authorids",
        [", ".join(f"~{a}_{b}{g.rng.randint(1, 3)}" for a, b in lst) for lst in lists],
        "username",
        note="profile handles",
    )
    g.add(
        "content.abstract",
        lambda i: (
            "We study "
            + g.pick("how routing collapses", "calibration drift", "retrieval noise")
            + " and show "
            + g.pick("a 2.1x speedup on A100s.", "consistent gains on 14 datasets.", "a tight lower bound.")
        ),
        note="prose without personal data",
    )
    g.add("signatures", [f"Conf.cc/2027/Conference/Submission{1000 + i}/Authors" for i in range(n)])
    g.add(
        "content.corresponding_email",
        [
            g.email(lst[0][0], lst[0][1], ["cs.stanford.edu", "inf.ethz.ch", "mila.quebec", "gmail.com"])
            for lst in lists
        ],
        "email",
        0.03,
    )


# tables without personal data ---------------------------------------------------------------------------
def _no_pii(g: Gen) -> None:  # noqa: PLR0915 - five tables one after another
    g.start("inv_telemetry_5min")
    g.add("dev_serial", lambda i: f"SN:{g.pick('3004', '1913', '2100')}{g.d(6)}")
    g.add("mac", lambda i: ":".join(f"{g.rng.randint(0, 255):02X}" for _ in range(6)))
    g.add("site_lat", lambda i: round(g.rng.uniform(47.3, 54.9), 6))
    g.add("site_lon", lambda i: round(g.rng.uniform(6.0, 14.9), 6))
    g.add("ts_utc", lambda i: g.stamp(datetime(2026, 7, 1), 3).isoformat(timespec="minutes"), type_="timestamp")
    g.add("p_ac_kw", lambda i: round(g.rng.uniform(0, 9.8), 3))
    g.add("fw_ver", lambda i: g.pick("3.10.14.R", "4.01.02.R", "2.99.1"))
    g.add("installer_hotline", lambda i: g.pick("0800 2345 678", "+49 561 9522-0"), note="vendor's hotline")

    g.start("rs_maint_revisions")

    def uic(i: int) -> str:
        body = g.pick("31", "33", "21") + g.pick("80", "81", "85") + g.d(7)
        return f"{body[:2]} {body[2:4]} {body[4:8]} {body[8:]}-{g.luhn(body)}"

    g.add("UIC_Nr", uic, note="wagon number with check digit")
    g.add("Keeper_VKM", lambda i: g.pick("D-DB", "A-RCC", "CH-SBBC", "D-GATXD"))
    g.add(
        "depot_addr",
        lambda i: g.pick(
            "Werkstättenstr. 1, 90443 Nürnberg", "Rangierbahnhof 4, 4020 Linz", "Industriestr. 22, 4600 Olten"
        ),
        note="workshop's business address",
    )
    g.add("axles", lambda i: g.pick(2, 4, 4, 6))
    g.add("last_rev", lambda i: f"{g.day(date(2022, 1, 1), 1400):%Y-%m-%d}", type_="date")
    g.add("km_since_rev", lambda i: g.rng.randint(0, 480000))
    g.add(
        "defect_txt",
        lambda i: g.pick("Bremsklotz verschlissen", "flat spot axle 2", "Puffer undicht", "", "door seal torn", "ok"),
        note="free text without personal data",
    )
    g.add("wkst_tel", lambda i: g.pick("+49 911 219-4410", "+43 732 9300-0"), note="workshop phone")

    g.start("BOM_RevC_export")
    g.add("Line", lambda i: i + 1)
    g.add(
        "MPN",
        lambda i: g.pick(f"STM32F4{g.d(2)}RGT6", f"GRM188R71{g.d(1)}104KA01D", f"LM{g.d(4)}DR", f"TPS{g.d(5)}DRCR"),
    )
    g.add("Mfr", lambda i: g.pick("STMicroelectronics", "Murata", "Texas Instruments", "Würth Elektronik"))
    g.add("GTIN", lambda i: g.gtin13(), note="EAN-13 with check digit")
    g.add("UnitPrice_EUR", lambda i: round(g.rng.uniform(0.003, 14), 4))
    g.add(
        "Supplier_Address",
        lambda i: g.pick(
            "Max-Eyth-Str. 1, 74638 Waldenburg",
            "701 Brooks Ave S, Thief River Falls, MN 56701",
            "Im Gewerbepark 5, 92242 Hirschau",
        ),
        note="distributor's business address",
    )
    g.add(
        "Supplier_Tel",
        lambda i: g.pick("+49 7942 945-0", "+1 218-681-6674", "+49 9622 7020"),
        note="distributor's phone",
    )
    g.add("RoHS", lambda i: g.pick("Y", "Y", "N", "exempt 7(c)-I"))

    g.start("synop_hourly_obs")
    stations = [
        ("10962", "Hohenpeißenberg", 47.80, 11.01),
        ("72613", "Mount Washington", 44.27, -71.30),
        ("71945", "Fort Nelson", 58.84, -122.60),
        ("06610", "Payerne", 46.81, 6.94),
        ("71809", "St. Anthony", 51.39, -56.08),
        ("94610", "Perth Airport", -31.93, 115.98),
    ]
    st = [g.rng.choice(stations) for _ in range(g.n)]
    g.add("wmo_id", [s[0] for s in st])
    g.add("stn_name", [s[1] for s in st], note="place names, some built from a person's name")
    g.add("lat", [s[2] for s in st])
    g.add("lon", [s[3] for s in st])
    g.add("obs_time", lambda i: g.stamp(datetime(2026, 11, 1), 20).isoformat(timespec="minutes"), type_="timestamp")
    g.add("t2m_c", lambda i: round(g.rng.uniform(-25, 33), 1))
    g.add("pres_hpa", lambda i: round(g.rng.uniform(960, 1040), 1))
    g.add("qc", lambda i: g.pick("0", "0", "1", "8"))

    g.start("lims_water_samples")
    g.add("sample_barcode", lambda i: (lambda body: f"WS{body}{g.luhn(body)}")(g.d(7)), note="Luhn check digit")
    g.add("site_code", lambda i: g.pick("RHN-KM-412", "MAIN-07", "EFF-STP2", "GW-B14"))
    g.add("collected_at", lambda i: g.stamp(datetime(2026, 5, 1), 180).isoformat(timespec="minutes"), type_="timestamp")
    g.add("site_lat", lambda i: round(g.rng.uniform(49.5, 51.5), 5), note="sampling site location")
    g.add("site_lon", lambda i: round(g.rng.uniform(7.5, 9.5), 5))
    g.add("analyte", lambda i: g.pick("Nitrate", "PFOS", "Diclofenac", "Carbamazepine", "Atrazine"))
    g.add("result_ug_l", lambda i: g.pick("<LOQ", str(round(g.rng.uniform(0.001, 40), 3))))
    g.add("analyst", lambda i: g.pick("KH", "M.B.", "jw", "SRT"), note="initials only")
    g.add("raw_sha256", lambda i: g.sha(64))
    g.add(
        "remarks",
        lambda i: g.pick("", "re-run after blank failure", "dilution 1:10", "bottle broken, resampled"),
        note="free text without personal data",
    )


TABLES = (_wakulima, _apiary, _box_office, _git, _casting, _openreview, _no_pii)
