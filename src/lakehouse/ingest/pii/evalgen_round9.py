"""Round-9 held-out tables, now development data (in evalset.jsonl through evalgen.py, split "dev"). Scored
once: precision 1.000, recall 0.714; its misses were then read, so the held-out set is round 10
(evalgen_round10.py).

Round 9, written by someone who had not read the detector's code, its name lists or rules, the earlier
evaluation sets, or docs/pii.md's evaluation section (only docs/pii.md above it and that section's round
table, categories.py, the JSONL format in evaluation.py, and evalgen_round8.py for the file format and house
style). Kinds of tables no earlier round had: a youth soccer league's registration export, a locksmith's job
log, a funeral home's livestream guest book, a university housing assignment list, a food bank's client
intake (no health data), a bike-share trip export, a hearing-aid clinic's fitting log (PHI), a Florida
notary's journal, a self-storage rent ledger with autopay cards, a translation agency's linguist roster with
IBANs and tax codes, an HOA resident directory with ACH details, a Finnish payroll staff export (Finnish
headers), a Polish kindergarten's admissions list (Polish headers), a Japanese shop's customer list (romaji
headers and values, katakana readings), a SaaS audit log, and three tables without PII: LoRaWAN sensor
uplinks, a lab's chemical inventory and a stadium seat map.

Labels follow the project's conventions as the brief gave them: routing numbers and account numbers are
``bank_account``; a business's or a property's address or phone is not personal (only people's); benefits,
prices and fees are not ``salary`` (wages and pay rates are); the last four digits of a card or an SSN,
initials, a birth year alone, a town or prefecture alone and coordinates are ``null``; parts of a birth date
or an address split over columns are ``date_of_birth_part`` / ``address_part`` (a postcode stays
``postal_code``, a street line ``address``); PII beside health data about the same people is PHI.

How the values were made: people's names (American of many origins, Finnish, Polish, Japanese with their
katakana readings, and international linguists), US streets of each table's city, Japanese addresses,
security answers and the prose of the free-text columns are written by hand for this set (none from Faker,
none copied from round 8's lists); Faker, seeded, is used only for values that are not people (Finnish and
Polish street names, postcodes and towns, user agents). Identifiers are built to pass their checks and are
checked with python-stdnum and phonenumbers as they are made: Luhn for cards, ABA routing check digits,
mod-97 IBANs (FI, IT, PT, DE, FR, ES, BR, UA), Finnish henkilötunnus, Polish PESEL, Italian codice fiscale
(built from the linguist's own name and birth date), Portuguese NIF, Brazilian CPF, German Steuer-IdNr, valid
US SSNs, CAS registry numbers; phones pass ``phonenumbers.is_valid_number`` for their region. Values are
written the ways real exports show them (with and without separators, upper and lower case, several date
and phone styles) and are dirty: blanks, placeholders (``N/A``, ``none``, ``-``, ``TBD``), stray spaces and
case. Look-alike negatives sit beside the PII: 9-digit student ids shaped like SSNs, gate codes and card
last-fours shaped like CVVs, VINs, key codes, licence plates, CAS numbers, residence halls, stations, gates
and reagents named after people, pets, a prefecture or a town alone, a birth year alone, coordinates, a
business's phone, benefits and fees beside wages. Free-text columns are labelled ``null`` with ``contains``
naming the kinds inside their prose. A judgement call is explained in the column's ``note``.

Labels were written and committed before the detector was ever run on this set; it is scored once, by
someone else, and not tuned on. Deterministic: a fixed seed, so two runs write the same file.

The constants, name lists and seeded generator are in evalgen_round9_gen.py (split only to keep files small).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from lakehouse.ingest.pii.evalgen_lists import STREET_LINE_PART
from lakehouse.ingest.pii.evalgen_round9_gen import (
    FI_FAMILY,
    FI_GIVEN,
    FI_MIDDLE,
    FIN,
    GIVEN,
    JA_FAMILY,
    JA_GIVEN,
    KIDS,
    LINGUISTS,
    PHI,
    PL_BOYS,
    PL_FAMILY,
    PL_GIRLS,
    PL_MOTHERS,
    SEED,
    Gen,
    N,
    Row,
    ascii_fold,
)


def _families_and_neighbours(g: Gen) -> None:  # noqa: PLR0915 - one table after another
    rng, d, pick = g.rng, g.d, g.pick

    g.table = "youth_soccer_registration_export"
    twin_cities = ("612", "651", "763", "952")
    kid_family = [g.family() for _ in range(N)]
    born = [g.dob(2012, 2019) for _ in range(N)]
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")
    g.add("Registration ID", lambda: f"REG-2025-{d(6)}")
    g.add("Player First Name", lambda: pick(g.given(KIDS), g.given(KIDS), g.given(KIDS).upper()), "person_name")
    g.add("Player Last Name", kid_family, "person_name", dirt=0.02)
    g.add("Player Birth Month", [pick(str(b.month), f"{b.month:02d}", months[b.month - 1], months[b.month - 1][:3])
                                 for b in born], "date_of_birth_part", note="number, zero-padded number or month name")
    g.add("Player Birth Year", [b.year for b in born], "date_of_birth_part",
          note="beside the birth month: two parts of the player's date of birth")
    g.add("Division", [f"U{2025 - b.year + 1}{pick('B', 'G')}" for b in born])
    g.add("Parent/Guardian 1 Name", [pick(f"{g.given()} {f}", f"{g.given()} {f}", f"{g.given()} {g.family()}",
                                          f"{f}, {g.given()}") for f in kid_family], "person_name", dirt=0.03)
    g.add("Guardian 1 Email", lambda: pick(g.email(), g.email(), g.email().upper(),
                                           g.email(("comcast.net", "umn.edu"))), "email", dirt=0.04)
    g.add("Guardian 1 Cell", lambda: g.us_phone(twin_cities), "phone", dirt=0.06)
    schools = ("Harriet Bishop Elementary", "Anne Sullivan Communication Center", "Roosevelt High School",
               "John Glenn Middle School", "Homeschool", "St. Agnes School", "Laura Ingalls Wilder Elementary",
               "Marcy Open School", "Hmong International Academy", "Ramsey Middle")
    g.add("School Attending", lambda: pick(*schools), dirt=0.1, note="schools, several named after people")
    g.add("Volunteer Interest", lambda: pick("", "", "Head Coach", "Assistant Coach", "Team Parent", "Referee (12+)",
                                             "Concessions", "No thanks"))
    g.add("Amount Paid", lambda: pick("$145.00", "$145.00", "$95.00", "$0.00 (scholarship)", "$120.00"))

    g.table = "locksmith_job_log"
    columbus = ("614", "380", "740")
    streets = ("Cleveland Ave", "E Livingston Ave", "Karl Rd", "Parsons Ave", "Sawmill Rd", "W Broad St", "Morse Rd",
               "Refugee Rd", "N High St", "Hamilton Rd", "Sullivant Ave", "Weber Rd", "Innis Rd",
               "E Dublin-Granville Rd")
    g.add("JOB#", lambda: f"{rng.randint(24, 25)}-{d(5)}")
    g.add("Svc Type", lambda: pick("Lockout-Res", "Lockout-Res", "Lockout-Auto", "Rekey", "Lock Change",
                                   "Deadbolt Install", "Key Duplication-Auto", "Safe Open"))
    g.add("Customer", lambda: pick(g.person(), g.person(), f"{g.family()}, {g.given()}", g.person().upper()),
          "person_name", dirt=0.04)
    g.add("Job Address", lambda: pick(f"{rng.randint(100, 5999)} {pick(*streets)}",
                                      f"{rng.randint(100, 5999)} {pick(*streets)} Apt {rng.randint(1, 40)}",
                                      f"{rng.randint(100, 5999)} {pick(*streets)}, Columbus OH 432{d(2)}"),
          "address", dirt=0.04, note="the customer's home (house lockouts, rekeys; car lockouts in their driveway)")
    g.add("ID Checked (OH DL#)", lambda: pick(g.letters(2) + d(6), g.letters(2) + d(6), g.letters(2) + " " + d(6)),
          "driver_license", dirt=0.15, note="Ohio licence numbers (two letters, six digits), checked before a lockout")
    g.add("VIN", lambda: pick(None, None, g.letters(3, "123456789JKL")
                              + g.letters(5, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") + d(1) + g.letters(1, "KLMNPR")
                              + g.letters(1, "ABCDEFGHJKLMN") + d(6)),
          note="vehicle identification numbers on car jobs: identify a car, not a person")
    g.add("Key Code", lambda: pick("HD106", "X217", "Y159", "HU66", "SC1", "KW1", "B119", "", ""),
          note="key blank codes")
    g.add("Tech", lambda: f"T{rng.randint(1, 14):02d}", note="technician codes")
    g.add("Card Last 4", lambda: pick(d(4), d(4), "", "CASH"), note="last four digits only")
    job_notes = ("Customer locked keys in house, dog inside, gained entry via back slider",
                 "Rekeyed 3 exterior locks to one key, left 4 copies", "Broken key in ignition, extracted and cut new",
                 "Safe opened by manipulation, customer had lost combination", "Smart lock batteries dead, replaced",
                 "Landlord approval on file for lock change", "Customer not home at arrival, waited 20 min")
    g.add("Notes", lambda: pick(*job_notes, *job_notes,
                                f"Customer's sister will meet tech, her cell {g.us_phone(columbus)}",
                                f"Call {g.us_phone(columbus)} when 10 min out, gate is locked"),
          dirt=0.1, contains=["phone"], note="free text; some give a phone to call on the way")

    g.table = "funeral_livestream_guestbook"
    deceased = ("Harold Eugene Whitfield", "Dorothea Mae Pacheco", "Rev. Samuel Adebayo Obi",
                "Maria Consuelo Estrada", "Francis X. Cavanaugh Jr.")
    g.add("entry_id", lambda: rng.randint(10_000, 99_999))
    g.add("deceased_name", lambda: pick(*deceased), "person_name",
          note="judgement: the person the service is for; a person's name, labelled by what the values are")
    g.add("guest_name", lambda: pick(g.person(), g.person(), g.person(), f"The {g.family()} Family", g.given(),
                                     f"{pick('Aunt', 'Uncle', 'Cousin')} {g.given()}",
                                     f"{g.given()} & {g.given()} {g.family()}"), "person_name",
          dirt=0.03, note="guests as they signed: full names, families, first names")
    g.add("relationship", lambda: pick("Friend", "Cousin", "Coworker", "Neighbor", "Church family", "Grandchild",
                                       "Former student", ""))
    g.add("guest_city", lambda: pick("Dayton, OH", "Kettering, OH", "Springfield OH", "Cincinnati", "Xenia, Ohio",
                                     "Fort Wayne, IN", "Lagos, Nigeria", "Tucson AZ", ""),
          note="a town and state alone")
    messages = ("Uncle Harold taught me to fish at Eastwood Lake. We will miss you every summer.",
                "Praying for the whole family during this difficult time.",
                "Mrs. Pacheco was the best third grade teacher anyone could ask for.",
                "Watching from Lagos, so sorry we could not be there in person.",
                "Rest easy, friend. The shop won't be the same without your jokes.",
                "Thank you for streaming this, it meant the world to those of us far away.",
                "Sending love and hugs to Rosa and the kids.")
    g.add("message", lambda: pick(*messages, *messages,
                                  f"If the family needs meals next week please call me at {g.us_phone(('937',))}",
                                  f"I have photos from the 1998 reunion, email me at {g.email()} and I'll send them"),
          dirt=0.05, contains=["phone", "email"], note="free text; a few leave a phone or an e-mail address")
    g.add("posted_at", lambda: datetime(2025, 10, rng.randint(1, 31), rng.randint(8, 23), rng.randint(0, 59))
          .isoformat(), type_="timestamp")
    g.add("viewer_ip", lambda: pick(g.ipv4(), g.ipv4(), g.ipv6()), "ip_address", dirt=0.04)
    g.add("watch_minutes", lambda: rng.randint(1, 96))

    g.table = "hoa_resident_directory"
    courts = ("Willow Bend Ct", "Quail Ridge Way", "Sutter Creek Dr", "Oak Meadow Cir", "Riverbirch Ln",
              "Mariposa Ave", "Sierra Vista Ct", "Laguna Oaks Dr")
    g.add("Lot", lambda: f"{rng.randint(1, 212):03d}")
    g.add("Property Address", lambda: f"{rng.randint(2100, 2899)} {pick(*courts)}", "address",
          note="judgement: the home of the owners listed beside it (a resident directory), so a person's address")

    def owners() -> str:
        f = g.family()
        return pick(f"{g.given()} & {g.given()} {f}", f"{g.given()} {f}", f"{f}, {g.given()} & {g.given()}",
                    f"{g.given()} {f} / {g.given()} {g.family()}", f"{g.given()} {f}")
    g.add("Owner(s)", owners, "person_name", note="couples in one cell")
    g.add("Home Phone", lambda: g.us_phone(("916", "279")), "phone", dirt=0.12)
    pets = ("Pickles (cat)", "Waffles & Mochi", "Duchess", "Sir Barksalot", "Tater", "Georgie", "Banjo (lab)",
            "none", "", "Ms. Kitty", "Fred & Ethel (tortoises)")
    g.add("Pet(s)", lambda: pick(*pets), note="pets' names, some like people")
    g.add("Vehicle Plate", lambda: pick(f"{rng.randint(5, 9)}{g.letters(3)}{d(3)}",
                                        f"{rng.randint(5, 9)}{g.letters(3)}{d(3)}", "", "GOLFN4N"),
          note="judgement: California licence plates identify a car; no category covers them")
    g.add("ACH Routing", g.aba_routing, "bank_account", kind=FIN, dirt=0.2,
          note="ABA routing numbers of the owners' banks (the project labels routing numbers bank_account)")
    g.add("ACH Account", lambda: pick(d(10), d(12), d(9), f"{d(4)}-{d(6)}"), "bank_account", kind=FIN, dirt=0.2)
    g.add("Monthly Dues", lambda: pick("$185.00", "$185.00", "$210.00", "$185"))

    g.table = "food_bank_client_intake"
    tucson = ("S 6th Ave", "E Grant Rd", "W Valencia Rd", "N Oracle Rd", "E 22nd St", "S Park Ave", "W Ajo Way",
              "E Speedway Blvd", "N Stone Ave", "S Kino Pkwy", "E Irvington Rd")
    g.add("Client #", lambda: f"C{d(6)}")
    g.add("Head of Household", lambda: pick(f"{g.family().upper()}, {g.given()}", f"{g.family().upper()}, {g.given()}",
                                            g.person()), "person_name", dirt=0.03)
    g.add("HH Size", lambda: rng.randint(1, 9))
    g.add("Address", lambda: pick(f"{rng.randint(100, 7999)} {pick(*tucson)}",
                                  f"{rng.randint(100, 7999)} {pick(*tucson)} #{rng.randint(1, 220)}",
                                  f"{rng.randint(100, 7999)} {pick(*tucson)} Lot {rng.randint(1, 90)}", "HOMELESS",
                                  "General Delivery"), "address_part", dirt=0.05,
          note="some clients without a fixed address (HOMELESS, General Delivery); " + STREET_LINE_PART)
    g.add("ZIP", lambda: pick("85705", "85713", "85711", "85719", "85745", "85756", "85706", "85714-2203"),
          "postal_code", dirt=0.05)
    g.add("Phone", lambda: g.us_phone(("520",)), "phone", dirt=0.2)
    g.add("Last 4 SSN", lambda: pick(d(4), d(4), d(4), ""),
          note="judgement: only the last four digits of an SSN, as round 8 treated a card's last four: not labelled")
    g.add("Monthly Income", lambda: pick(f"${rng.randint(4, 32)}{rng.randint(0, 9)}0", f"{rng.randint(400, 3200)}", "0",
                                         f"${rng.randint(1, 3)},{d(3)}.00"), "salary", kind=FIN, dirt=0.1,
          note="judgement: the household's monthly income, mostly wages; labelled salary")
    g.add("Income Source", lambda: pick("Wages", "Wages", "SSI", "SSDI", "Unemployment", "None", "Wages + SNAP"))
    g.add("SNAP Benefit/mo", lambda: pick("$0", "$291", "$535", "$766", "$973", "", "pending"),
          note="a benefit, not a salary")
    cw_notes = ("Prefers Spanish, daughter interprets", "Referred to LIHEAP for the utility shutoff notice",
                "Picks up for elderly neighbor too, proxy form signed", "Needs no-cook box, staying in motel",
                "Missed last two distributions, transportation issue", "Eligible for TEFAP, form on file")
    g.add("Caseworker Notes", lambda: pick(*cw_notes,
                                           f"Daughter Rosa may pick up, her cell {g.us_phone(('520',))}",
                                           f"New number as of March: {g.us_phone(('520',))}"),
          dirt=0.2, contains=["phone"], note="free text; some give a relative's or the client's new phone")


def _campus_care_and_records(g: Gen) -> None:  # noqa: PLR0915 - one table after another
    rng, d, pick = g.rng, g.d, g.pick

    g.table = "univ_housing_assignments"
    intl = [rng.random() < 0.3 for _ in range(N)]
    perm = []
    for foreign in intl:
        if foreign:
            perm.append(pick((f"Flat {rng.randint(1, 12)}{pick('A', 'B', 'C')}, {rng.randint(2, 90)} Marine Drive",
                              f"400{d(3)}", "IN"),
                             (f"No. {rng.randint(1, 200)} Jianguo Road, Chaoyang District", f"100{d(3)}", "CN"),
                             (f"{rng.randint(10, 99)} Admiralty Way, Lekki Phase 1", f"10{d(4)}", "NG"),
                             (f"{rng.randint(1, 300)}-{rng.randint(1, 30)} Teheran-ro", f"06{d(3)}", "KR"),
                             (f"Rua Haddock Lobo {rng.randint(100, 1500)}, apto {rng.randint(11, 150)}",
                              f"01414-{d(3)}", "BR")))
        else:
            street = pick("Linden Ave", "Prairie View Dr", "N Greenbay Rd", "Fox Run", "Cass St", "Hickory Hollow Ln",
                          "W Mequon Rd", "Aspen Ct")
            perm.append((f"{rng.randint(100, 9999)} {street}",
                         pick("53092", "60022", "53217", "55105", "60540", "48104", "53704-2231"), "US"))
    passports = {"IN": lambda: g.letters(1, "JKLMNPRSTUVWZ") + d(7), "CN": lambda: "E" + pick(d(8), "A" + d(7)),
                 "NG": lambda: "A" + d(8), "KR": lambda: "M" + d(8), "BR": lambda: g.letters(2, "FGY") + d(6)}
    g.add("STUDENT_ID", lambda: "900" + d(6), note="9-digit university ids starting 900: SSN-shaped, not SSNs")
    first = [g.given(KIDS + GIVEN) for _ in range(N)]
    last = [g.family() for _ in range(N)]
    g.add("NETID", [pick(f"{ascii_fold(fn)[:1]}{ascii_fold(ln)[:2]}{rng.randint(2, 9999)}", ascii_fold(fn)[:3]
                         + ascii_fold(ln)[:3] + d(2)) for fn, ln in zip(first, last, strict=True)], "username",
          note="campus login ids (letters from the name and digits)")
    g.add("LEGAL_LAST_NAME", [v.upper() for v in last], "person_name")
    g.add("HALL", lambda: pick("Harriet Tubman Hall", "Carver Hall", "Eleanor Roosevelt Hall", "Lakeside North",
                               "Sandburg East", "Witte", "Ogg Hall"), note="residence halls named after people")
    g.add("ROOM", lambda: f"{rng.randint(1, 9)}{rng.randint(0, 3)}{rng.randint(1, 9)}{pick('', 'A', 'B')}")
    g.add("PERM_ADDR_LINE1", [p[0] for p in perm], "address_part", dirt=0.04,
          note="home address; international ones too; " + STREET_LINE_PART)
    g.add("PERM_POSTAL", [p[1] for p in perm], "postal_code", note="US ZIPs and Indian, Chinese, Nigerian, Korean, "
                                                                   "Brazilian postcodes")
    g.add("PASSPORT_NO_INTL", [passports[p[2]]() if p[2] != "US" else pick(None, "", "N/A") for p in perm], "passport",
          note="international students only; blank for domestic")
    g.add("MEAL_PLAN", lambda: pick("Unlimited", "Block 150", "Block 225", "Commuter 50", "None"))
    g.add("MOVE_IN_DT", lambda: (date(2025, 8, 20) + timedelta(days=rng.randint(0, 12))).isoformat(), type_="date")
    g.add("HOUSING_DEPOSIT", lambda: pick("250.00", "250.00", "0.00", "waived"))

    g.table = "hearing_aid_fitting_log"
    abq = ("505", "575")
    g.add("PatientID", lambda: f"P{d(7)}", "medical", kind=PHI, note="the clinic's patient number")
    g.add("PtLast", lambda: g.family(), "person_name", kind=PHI)
    g.add("PtFirst", lambda: pick(g.given(), g.given(), f"{g.given()} {rng.choice('ABCEGJLMR')}."), "person_name",
          kind=PHI)
    g.add("DOB", lambda: g.dob(1929, 1968).strftime(pick("%m/%d/%Y", "%m/%d/%Y", "%m-%d-%Y", "%Y-%m-%d")),
          "date_of_birth", kind=PHI)
    g.add("PtSSN", lambda: pick(g.ssn(), None, None), "ssn", kind=PHI, note="sparse: an old billing field")
    g.add("HomePhone", lambda: g.us_phone(abq), "phone", kind=PHI, dirt=0.08)
    g.add("PTA_Left_dB", lambda: pick(rng.randint(25, 90), f"{rng.randint(25, 90)} dB", None), "medical", kind=PHI,
          note="pure-tone average of the left ear: a hearing test result")
    g.add("HL_Type", lambda: pick("Sensorineural", "SNHL mod-severe", "Mixed", "Conductive", "SNHL mild-mod",
                                  "Noise-induced SNHL"), "medical", kind=PHI, dirt=0.05)
    g.add("DeviceModel", lambda: pick("Phonak Audéo L90-R", "Oticon Intent 1", "ReSound Nexia 9", "Signia Pure C&G 7IX",
                                      "Starkey Genesis AI 24"))
    g.add("SerialR", lambda: pick(f"{d(4)}{g.letters(1)}{d(4)}", f"{d(10)}", f"SN{d(8)}"), note="device serials")
    g.add("FitDate", lambda: (date(2025, 1, 6) + timedelta(days=rng.randint(0, 300))).isoformat(), type_="date")
    g.add("Aud", lambda: pick("KM", "JRT", "AB", "LN"), note="the audiologist's initials")

    g.table = "fl_notary_journal"
    gnv = ("NW 13th St", "SW Archer Rd", "NE 23rd Ave", "SE Hawthorne Rd", "NW 39th Ave", "SW 34th St",
           "NW 16th Blvd", "SW Williston Rd", "NE Waldo Rd")
    signers = [(g.given(), g.family()) for _ in range(N)]
    doc_types = [pick("FL DL", "FL DL", "FL DL", "FL DL", "Driver License", "FL ID Card", "US Passport", "Passport")
                 for _ in range(N)]

    def fl_number(fam: str) -> str:
        return f"{ascii_fold(fam)[0].upper()}{d(3)}-{d(3)}-{d(2)}-{d(3)}-{d(1)}"

    def id_number(kind: str, fam: str) -> str:
        if "Passport" in kind:
            return pick(d(9), g.letters(1, "ACEN") + d(8))
        value = fl_number(fam)
        return pick(value, value, value.replace("-", ""))
    g.add("Entry No.", lambda: f"2025-{d(4)}")
    g.add("Signer Name", [pick(f"{gi} {fa}", f"{gi} {rng.choice('ABCDEFHJLMRSTW')}. {fa}", f"{fa}, {gi}")
                          for gi, fa in signers], "person_name", dirt=0.02)
    g.add("Signer Address", lambda: f"{rng.randint(100, 8999)} {pick(*gnv)}"
                                    f"{pick('', '', ' Apt ' + str(rng.randint(1, 300)))}, Gainesville{pick(',', '')} "
                                    f"FL {pick('32601', '32603', '32605', '32607', '32608')}",
          "address", dirt=0.03)
    g.add("ID Type", doc_types)
    g.add("ID Number", [id_number(k, fa) for k, (_, fa) in zip(doc_types, signers, strict=True)], "driver_license",
          dirt=0.03, note="judgement: mostly Florida driver licences (letter + 12 digits), some Florida ID cards "
                           "(same format) and US passports; labelled by the document named most often")
    g.add("ID Exp.", lambda: (date(2026, 1, 1) + timedelta(days=rng.randint(0, 2900))).strftime("%m/%d/%Y"),
          note="expiry of the identity document, not of a payment card")
    g.add("Document Type", lambda: pick("Deed", "Affidavit", "Power of Attorney", "Vehicle Title Transfer",
                                        "Mortgage Closing Pkg", "Minor Travel Consent", "I-9 (as agent)"))
    g.add("Notarial Act", lambda: pick("Acknowledgment", "Jurat", "Oath", "Copy Certification"))
    g.add("Fee Charged", lambda: pick("$10.00", "$10.00", "$20.00", "$0.00", "$50.00 (mobile)"))

    g.table = "self_storage_rent_ledger"
    g.add("Unit", lambda: f"{pick('A', 'B', 'C', 'D')}{rng.randint(1, 260):03d}")
    g.add("Size", lambda: pick("5x5", "5x10", "10x10", "10x15", "10x20", "10x30 CC"))
    g.add("Tenant Name", lambda: pick(g.person(), g.person(), f"{g.family()}, {g.given()}"), "person_name", dirt=0.02)
    g.add("Gate Code", lambda: pick(d(4), d(4), d(6), f"*{d(4)}", f"{d(4)}#"), note="gate keypad codes, CVV-shaped")
    g.add("Autopay Card #", lambda: pick(g.card(), g.card(""), g.card(), None), "credit_card", kind=FIN, dirt=0.05,
          note="with and without separators; blank when not on autopay")
    g.add("Exp Mo", lambda: pick(str(rng.randint(1, 12)), f"{rng.randint(1, 12):02d}"), "card_expiry", kind=FIN,
          note="the card's expiry month, beside the card number")
    g.add("Exp Yr", lambda: pick(str(rng.randint(2025, 2031)), str(rng.randint(25, 31))), "card_expiry", kind=FIN,
          note="the card's expiry year")
    g.add("CVV", lambda: pick(d(3), d(3), d(3), d(4)), "card_security_code", kind=FIN, dirt=0.1)
    g.add("Security Word", lambda: pick("bluebird", "Grandma Rose", "Wolfpack", "tater tot", "Ocracoke", "hushpuppy",
                                        "Mr Pibb", "Blue Ridge", "carolina", "Mabel"), "security_answer",
          note="judgement: the word a tenant gives on the phone to prove who they are, a security answer")
    g.add("Rent", lambda: pick("$89.00", "$139.00", "$189.00", "$249.00", "$319.00"))
    memos = ("Rate increase notice sent", "Tenant moving out end of month", "Lien letter mailed certified",
             "Late fee waived one time by manager", "Insurance certificate received", "Switched to 10x15 same building")
    g.add("Ledger Memo", lambda: pick(*memos, *memos, f"Autopay declined, tenant gave new card {g.card(' ')} by phone",
                                      f"Paid 3 months with {g.card('')} exp "
                                      f"{rng.randint(1, 12):02d}/{rng.randint(26, 30)}"),
          dirt=0.1, contains=["credit_card"], note="free text; a few hold whole card numbers")


def _abroad_and_online(g: Gen) -> None:  # noqa: PLR0915 - one table after another
    rng, d, pick = g.rng, g.d, g.pick

    g.table = "linguist_vendor_roster"
    def tax_code(given: str, family: str, female: bool, country: str) -> Any:
        if country == "IT":
            return g.codice_fiscale(given, family, g.dob(1962, 1996), female)
        if country == "PT":
            return g.pt_nif()
        if country == "BR":
            return g.br_cpf()
        if country == "DE":
            return g.de_idnr()
        return pick(None, "", "n/a")

    def account(country: str) -> Any:
        bban = {"IT": lambda: g.letters(1, "ABCDEFGHIJKLMNOPRSTUVWXYZ") + d(10) + d(12), "PT": lambda: d(21),
                "DE": lambda: d(18), "FR": lambda: d(10) + d(11) + d(2), "ES": lambda: d(20),
                "BR": lambda: d(8) + d(5) + d(10) + "C1", "UA": lambda: d(6) + d(19)}.get(country)
        if bban is None:
            return pick("", "paid via Wise", None)
        value = g.iban(country, bban)
        return pick(value, g.spaced(value), value)

    # One row per linguist and language pair: a linguist's code, e-mail, tax code and IBAN repeat on each row.
    records = {p: (f"LV-{d(5)}", g.email(("gmail.com", "libero.it", "sapo.pt", "gmx.de", "orange.fr", "outlook.com"),
                                         p[0], p[1]), tax_code(*p), account(p[3])) for p in LINGUISTS}
    targets = {"IT": "IT", "PT": "PT-PT", "BR": "PT-BR", "DE": "DE", "FR": "FR", "ES": "ES", "JP": "JA", "UA": "UK",
               "KR": "KO", "CN": "ZH-CN", "VN": "VI"}
    people = [rng.choice(LINGUISTS) for _ in range(N)]
    g.add("VendorCode", [records[p][0] for p in people])
    g.add("Linguist", [pick(f"{gi} {fa}", f"{fa.upper()} {gi}", f"{gi} {fa}") for gi, fa, _, _ in people],
          "person_name")
    g.add("LangPair", [f"{pick('EN', 'EN', 'DE', 'FR')}>{targets[c]}" for _, _, _, c in people])
    g.add("RatePerWord_EUR", lambda: pick(f"0.{rng.randint(6, 14):02d}", f"€0,{rng.randint(6, 14):02d}",
                                          f"0.{rng.randint(6, 14):02d} EUR"), "salary", kind=FIN,
          note="judgement: the freelancer's pay rate per word (a pay rate, labelled salary), not a price to a client")
    g.add("Email", [records[p][1] for p in people], "email", dirt=0.02)
    g.add("TaxCode (CF / NIF)", [records[p][2] for p in people], "national_id",
          note="codice fiscale, Portuguese NIF, Brazilian CPF or German Steuer-IdNr by country; blank elsewhere")
    g.add("IBAN", [records[p][3] for p in people], "iban", kind=FIN,
          note="blank or 'paid via Wise' outside IBAN countries")
    g.add("CAT_Tool", lambda: pick("Trados 2022", "memoQ", "Phrase", "Wordfast", "none"))
    pay_notes = ("Invoices monthly, net 30", "Prefers weekend deadlines", "VAT exempt (regime forfettario)",
                 "Do not send medical files, not qualified", "Reliable, reviewer for big pharma account")
    g.add("Payment Notes", lambda: pick(*pay_notes,
                                        f"From March pay into new account {g.iban('IT', lambda: 'X' + d(22))}",
                                        f"Send remittance advice to {g.email(('gmail.com', 'libero.it'))} as well",
                                        f"New IBAN {g.spaced(g.iban('PT', lambda: d(21)))} please update"),
          dirt=0.1, contains=["iban", "email"], note="free text; some hold an IBAN or an e-mail address")

    g.table = "palkanlaskenta_henkilosto"
    fi = g.fk("fi_FI")
    staff_born = [g.dob(1961, 2004) for _ in range(N)]
    g.add("Henkilönumero", lambda: str(rng.randint(10_000, 19_999)))
    g.add("Sukunimi", lambda: g.family(FI_FAMILY), "person_name")
    g.add("Etunimet", lambda: pick(g.given(FI_GIVEN), f"{g.given(FI_GIVEN)} {g.given(FI_MIDDLE)}",
                                   f"{g.given(FI_GIVEN)} {g.given(FI_MIDDLE)} {g.given(FI_MIDDLE)}"), "person_name",
          note="all of a person's given names")
    g.add("Henkilötunnus", [g.hetu(b) for b in staff_born], "national_id", dirt=0.02,
          note="Finnish personal identity codes (a few with the 2023 century sign Y)")
    g.add("Lähiosoite", lambda: fi.street_address(), "address_part", dirt=0.03, note=STREET_LINE_PART)
    g.add("Postinumero", lambda: fi.postcode(), "postal_code")

    def fi_mobile() -> str:
        p, n = pick("40", "41", "44", "45", "50", "46"), d(7)
        return pick(f"0{p} {n[:3]} {n[3:]}", f"+358 {p} {n}", f"0{p}{n}", f"0{p}-{n}")
    g.add("Matkapuhelin", lambda: g.phone("FI", fi_mobile), "phone", dirt=0.05)
    g.add("Tilinumero (IBAN)", lambda: (lambda v: pick(g.spaced(v), v))(g.iban("FI", lambda: d(14))), "iban", kind=FIN)
    g.add("Kuukausipalkka", lambda: (lambda e: pick(f"{e // 1000} {e % 1000:03d},{d(2)}", f"{e}.00 €", f"{e},00"))(
        rng.randint(2100, 6800)), "salary", kind=FIN, note="monthly salary in euros, Finnish number formats")
    g.add("Veroprosentti", lambda: pick(f"{rng.randint(8, 38)},{pick('0', '5')}", f"{rng.randint(8, 38)}"),
          note="withholding tax rate")
    g.add("Kustannuspaikka", lambda: pick("KP-4100", "KP-4120", "KP-5200", "KP-6010"))
    g.add("Työsuhde alkoi", lambda: (date(2005, 1, 1) + timedelta(days=rng.randint(0, 7300))).strftime("%d.%m.%Y"),
          note="employment start date")

    g.table = "rekrutacja_przedszkole_2025"
    pl = g.fk("pl_PL")

    def feminine(surname: str) -> str:
        return surname[:-1] + "a" if surname.endswith(("ski", "cki", "dzki")) else surname

    kids = []
    for _ in range(N):
        female = rng.random() < 0.5
        fam = g.family(PL_FAMILY)
        kids.append((g.given(PL_GIRLS if female else PL_BOYS), feminine(fam) if female else fam, female, feminine(fam),
                     g.dob(2019, 2022)))
    g.add("Lp.", list(range(1, N + 1)))
    g.add("Imię i nazwisko dziecka", [pick(f"{gi} {fa}", f"{fa} {gi}", f"{fa.upper()} {gi}")
                                      for gi, fa, _, _, _ in kids], "person_name")
    g.add("PESEL dziecka", [g.pesel(b, f) for _, _, f, _, b in kids], "national_id", dirt=0.02)
    g.add("Imię i nazwisko matki / opiekunki",
          [pick(f"{g.given(PL_MOTHERS)} {m}", f"{g.given(PL_MOTHERS)} {m}-{feminine(g.family(PL_FAMILY[-8:]))}")
           for _, _, _, m, _ in kids], "person_name", dirt=0.04, note="some with a double-barrelled surname")

    def pl_mobile() -> str:
        n = pick("5", "6", "7", "88") + d(8)
        n = n[:9]
        return pick(f"{n[:3]} {n[3:6]} {n[6:]}", f"+48 {n[:3]} {n[3:6]} {n[6:]}", n, f"{n[:3]}-{n[3:6]}-{n[6:]}")
    g.add("Telefon kontaktowy", lambda: g.phone("PL", pl_mobile), "phone", dirt=0.05)
    g.add("Ulica", lambda: pick(f"ul. {pl.street_name()}", pl.street_name(), f"Os. {pl.street_name()}"), "address_part",
          note="street name only; the house number is its own column; " + STREET_LINE_PART)
    g.add("Nr domu", lambda: pick(str(rng.randint(1, 150)), f"{rng.randint(1, 90)}{pick('a', 'b', 'A')}",
                                  f"{rng.randint(1, 60)}/{rng.randint(1, 40)}"), "address_part",
          note="house number, some with the flat after a slash")
    g.add("Kod pocztowy", lambda: pl.postcode(), "postal_code")
    g.add("Miejscowość", lambda: pl.city(), "address_part", note="town beside the street and house number")
    g.add("Rodzeństwo w przedszkolu", lambda: pick("TAK", "NIE", "NIE", "nie"), note="sibling already attending")
    g.add("Punkty", lambda: rng.randint(0, 120))
    g.add("Grupa", lambda: pick("Biedronki", "Misie", "Żabki", "Motylki", "Krasnoludki", "lista rezerwowa"))

    g.table = "kokyaku_ichiran"
    cities = (("Tokyo-to", "Shibuya-ku Jingumae", "150-0001"), ("Tokyo-to", "Setagaya-ku Sangenjaya", "154-0024"),
              ("Osaka-fu", "Osaka-shi Kita-ku Umeda", "530-0001"),
              ("Kanagawa-ken", "Yokohama-shi Naka-ku Yamashitacho", "231-0023"),
              ("Aichi-ken", "Nagoya-shi Naka-ku Sakae", "460-0008"),
              ("Fukuoka-ken", "Fukuoka-shi Hakata-ku Hakataekimae", "812-0011"),
              ("Hokkaido", "Sapporo-shi Chuo-ku Odorinishi", "060-0042"),
              ("Miyagi-ken", "Sendai-shi Aoba-ku Ichibancho", "980-0811"))
    custs = [(rng.choice(JA_FAMILY), rng.choice(JA_GIVEN), rng.choice(cities), g.dob(1950, 2004)) for _ in range(N)]
    buildings = ("Villa Aoyama", "Maison Sakura", "Grand Tower", "Coop Nishiki", "Lions Mansion", "Palace Heights")

    def era(b: date) -> str:
        if b < date(1989, 1, 8):
            return f"S{b.year - 1925}.{b.month:02d}.{b.day:02d}"
        return f"H{b.year - 1988:02d}.{b.month}.{b.day}"
    g.add("kokyaku_id", lambda: f"K{d(8)}")
    g.add("shimei", [pick(f"{f[0]} {gv[0]}", f"{f[0].upper()} {gv[0]}", f"{gv[0]} {f[0]}", f"{f[0]} {gv[0]}".lower())
                     for f, gv, _, _ in custs], "person_name", note="romaji, family name first or given name first")
    g.add("furigana", [pick(f"{f[1]} {gv[1]}", f"{f[1]}\u3000{gv[1]}") for f, gv, _, _ in custs], "person_name",
          note="the name's reading in katakana")
    g.add("seinen_gappi", [pick(f"{b:%Y/%m/%d}", f"{b.year}-{b.month}-{b.day}", era(b)) for _, _, _, b in custs],
          "date_of_birth", note="Western dates and some in the Showa/Heisei era form (S60.03.14)")
    g.add("yubin_bango", [pick(c[2], c[2], f"〒{c[2]}", c[2].replace("-", "")) for _, _, c, _ in custs], "postal_code")
    g.add("todofuken", [c[0] for _, _, c, _ in custs], note="the prefecture alone")
    g.add("banchi", [pick(f"{c[1]} {rng.randint(1, 6)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}",
                          f"{c[1]} {rng.randint(1, 6)}-{rng.randint(1, 30)}-{rng.randint(1, 20)} {pick(*buildings)} "
                          f"{rng.randint(1, 15)}0{rng.randint(1, 9)}") for _, _, c, _ in custs], "address",
          note="ward, district, block-lot-house numbers and building")

    def ja_mobile() -> str:
        p, n = pick("090", "080", "070"), d(8)
        return pick(f"{p}-{n[:4]}-{n[4:]}", f"{p}{n}", f"+81 {p[1:]} {n[:4]} {n[4:]}")
    g.add("keitai_bango", lambda: g.phone("JP", ja_mobile), "phone", dirt=0.05)
    g.add("roguin_id", [pick(f"{ascii_fold(gv[0])}_{ascii_fold(f[0])[:1]}", f"{ascii_fold(gv[0])}{b.year}",
                             f"{ascii_fold(f[0])}{ascii_fold(gv[0])[:2]}{d(2)}", f"{ascii_fold(gv[0])}pon")
                        for f, gv, _, b in custs], "username")
    questions = ("Hajimete katta petto no namae wa?", "Shusshin shogakko wa?", "Suki na tabemono wa?",
                 "Haha no kyusei wa?")
    qs = [rng.randrange(len(questions)) for _ in range(N)]
    answers = (("Pochi", "Mugi", "kotaro", "Hachi", "Momo"), ("Aoba shogakko", "minami sho", "Kita Elementary",
                                                              "Sakuragaoka"),
               ("ramen", "Okonomiyaki", "unagi", "karaage", "natto"), ("Fujimoto", "Ishida", "morikawa", "Noguchi"))
    g.add("himitsu_no_shitsumon", [questions[q] for q in qs], note="the secret question, not the answer")
    g.add("himitsu_no_kotae", [rng.choice(answers[q]) for q in qs], "security_answer")
    g.add("kado_shimo4keta", lambda: pick(d(4), d(4), ""), note="last four digits of a card")

    g.table = "saas_audit_log"
    staff = [(g.given(), g.family()) for _ in range(14)]
    actors = [rng.choice(staff) for _ in range(N)]
    domain = "northwind-labs.io"
    logins = {s: g.handle(*s) for s in staff}
    g.add("event_id", lambda: f"{rng.getrandbits(128):032x}")
    g.add("occurred_at", lambda: datetime(2025, 11, rng.randint(1, 30), rng.randint(0, 23), rng.randint(0, 59),
                                          rng.randint(0, 59)).isoformat() + "Z")
    g.add("actor.login", [logins[a] for a in actors], "username")
    g.add("actor.email", [f"{ascii_fold(a[0])}.{ascii_fold(a[1])}@{domain}" for a in actors], "email",
          note="work e-mail addresses of the people acting")
    g.add("actor.ip", lambda: pick(g.ipv4(), g.ipv4(), g.ipv6()), "ip_address")
    g.add("action", lambda: pick("member.invite", "member.remove", "repo.delete", "sso.login", "token.create",
                                 "billing.update", "role.change"))
    g.add("org.slug", lambda: pick("northwind-labs", "northwind-labs-staging", "nwl-sandbox"))
    ua = g.fk("en_US")
    g.add("user_agent", lambda: ua.user_agent())
    g.add("description", lambda: pick(
        f"Invited {g.email(('gmail.com', 'northwind-labs.io'))} to team Platform as member",
        f"Removed {g.email(('northwind-labs.io',))} from the organisation after offboarding",
        "Created a fine-grained token with read scope for the deploy bot", "Changed the billing plan to Team annual",
        "Deleted repository legacy-reports-2019 after archive", "Signed in with SAML single sign-on from a new device",
        "Promoted a member to owner of the analytics project"), contains=["email"],
          note="free text; invitations and removals name the person's e-mail address")


def _no_pii(g: Gen) -> None:
    rng, d, pick = g.rng, g.d, g.pick

    g.table = "divvy_trip_export"
    stations = (("Clark St & Elm St", 41.902973, -87.63128), ("Michigan Ave & Oak St", 41.90096, -87.623777),
                ("DuSable Lake Shore Dr & Monroe St", 41.880958, -87.616743), ("Kingsbury St & Kinzie St", 41.889177,
                                                                               -87.638506),
                ("Wells St & Concord Ln", 41.912133, -87.634656), ("Theater on the Lake", 41.926277, -87.630834),
                ("Ellis Ave & 60th St", 41.785097, -87.601073))
    starts = [rng.choice(stations) for _ in range(N)]
    g.add("ride_id", lambda: f"{rng.getrandbits(64):016X}")
    g.add("rideable_type", lambda: pick("classic_bike", "electric_bike", "electric_scooter"))
    g.add("started_at", lambda: f"2025-06-{rng.randint(1, 30):02d} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
                                f"{rng.randint(0, 59):02d}")
    g.add("start_station_name", [s[0] for s in starts], note="stations named after streets and people")
    g.add("start_lat", [round(s[1] + rng.uniform(-0.0004, 0.0004), 6) for s in starts], note="geolocation")
    g.add("start_lng", [round(s[2] + rng.uniform(-0.0004, 0.0004), 6) for s in starts], note="geolocation")
    g.add("member_casual", lambda: pick("member", "member", "casual"))
    g.add("birth_year", lambda: pick(rng.randint(1955, 2006), None), note="a rider's birth year alone")

    g.table = "lorawan_uplinks"
    g.add("dev_eui", lambda: f"A84041{rng.getrandbits(40):010X}")
    g.add("received_at", lambda: f"2025-09-{rng.randint(1, 30):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:"
                                 f"{rng.randint(0, 59):02d}.{d(3)}Z")
    g.add("gateway_eui", lambda: pick("B827EBFFFE6A2C11", "0016C001FF10A23B", "AC1F09FFFE05B7E2"))
    g.add("rssi", lambda: rng.randint(-121, -48))
    g.add("temp_c", lambda: round(rng.uniform(-8, 31), 2))
    g.add("battery_mv", lambda: rng.randint(2900, 3650))
    g.add("lat", lambda: round(rng.uniform(44.95, 45.05), 5), note="sensor location")

    g.table = "lab_chemical_inventory"
    chems = ("Acetone", "Sodium chloride", "Tollens' reagent", "Fehling's solution A", "Wilkinson's catalyst",
             "Grubbs Catalyst M204", "Hünig's base", "Dess-Martin periodinane", "Lawesson's reagent",
             "Ellman's reagent", "Schiff reagent", "Methanol, HPLC grade")
    g.add("CAS_No", g.cas, note="CAS registry numbers with a check digit")
    g.add("Container_Barcode", lambda: f"CHM{d(7)}")
    g.add("Chemical_Name", lambda: pick(*chems), note="reagents named after chemists")
    g.add("Qty", lambda: pick(f"{rng.randint(1, 25) * 50} g", f"{rng.randint(1, 4)} L", f"{rng.randint(1, 20) * 5} mL"))
    g.add("Room", lambda: pick("SCI 214", "SCI 216", "CHEM B07", "CHEM 330"))
    g.add("GHS_Hazard", lambda: pick("H225, H319", "H302", "H314", "none", "H250, H261", "H301+H311"))
    g.add("Supplier_Phone", lambda: pick("1-800-325-3010", "1-800-766-7000", "(800) 227-4224"),
          note="suppliers' order lines, businesses")

    g.table = "stadium_seat_map"
    g.add("seat_id", lambda: f"{rng.randint(101, 342)}-{pick(*'ABCDEFGHJKLMNPQRSTUVW')}-{rng.randint(1, 28)}")
    g.add("section", lambda: rng.randint(101, 342))
    g.add("row", lambda: pick(*"ABCDEFGHJKLMNPQRSTUVW", "AA", "BB"))
    g.add("seat", lambda: rng.randint(1, 28))
    g.add("price_level", lambda: pick("P1", "P2", "P3", "P4", "Club", "Field Box"))
    g.add("ada", lambda: pick("N", "N", "N", "N", "Y", "C"), note="wheelchair/companion seat flag")
    g.add("gate", lambda: pick("Gate A - Willie Mays Plaza", "Gate C - Roberto Clemente Entrance", "Gate D",
                               "Home Plate"),
          note="gates named after people")


def rows(seed: int = SEED) -> list[Row]:
    g = Gen(seed)
    _families_and_neighbours(g)
    _campus_care_and_records(g)
    _abroad_and_online(g)
    _no_pii(g)
    return g.rows



def round9_tables(seed: int = SEED) -> list[Row]:
    return [{**row, "split": "dev"} for row in rows(seed)]
