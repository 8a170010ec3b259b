"""Hand-written value lists for the evaluation set (see evalgen.py)."""

from __future__ import annotations

DIAGNOSES = (
    "Type 2 diabetes mellitus", "Essential hypertension", "Major depressive disorder, single episode",
    "Asthma, mild intermittent", "Acute bronchitis", "Migraine without aura", "Hyperlipidemia",
    "Chronic kidney disease stage 3", "Generalized anxiety disorder", "Osteoarthritis of knee",
    "Hypothyroidism", "Atrial fibrillation", "Gastroesophageal reflux disease", "Iron deficiency anemia",
    "Community-acquired pneumonia", "Urinary tract infection", "Lumbar radiculopathy", "COPD exacerbation",
)
ICD10 = ("E11.9", "I10", "F32.9", "J45.20", "J20.9", "G43.009", "E78.5", "N18.3", "F41.1", "M17.11",
         "E03.9", "I48.91", "K21.9", "D50.9", "J18.9", "N39.0", "M54.16", "J44.1", "Z79.4", "R51.9")
MEDICATIONS = ("Metformin 500 mg", "Lisinopril 10 mg", "Atorvastatin 20 mg", "Levothyroxine 50 mcg",
               "Albuterol inhaler", "Sertraline 50 mg", "Omeprazole 20 mg", "Amlodipine 5 mg",
               "Ibuprofen 400 mg", "Insulin glargine", "Warfarin 5 mg", "Prednisone 10 mg")
ALLERGIES = ("Penicillin", "Peanuts", "Latex", "Shellfish", "Sulfa drugs", "None known", "Bee stings",
             "Penicillin; codeine", "Tree nuts", "Eggs")
WORLD_NAMES = (
    "Oluwaseun Adeyemi", "Nguyen Van An", "Saoirse Ni Bhriain", "Aarav Sharma", "Mei Ling Chen",
    "Kwame Mensah", "Zeynep Yilmaz", "Siobhan O'Connor", "Mateus Oliveira", "Ingrid Johansson",
    "Fatima Zahra Benali", "Hiroshi Tanaka", "Priya Ramanathan", "Dmitri Volkov", "Chidinma Okafor",
    "Lucia Fernandez", "Tomasz Kowalski", "Amara Nwosu", "Yusuf Demir", "Leilani Kahale",
    "Bjorn Eriksen", "Anh Tran", "Rania Haddad", "Jose Luis Martinez", "Thandiwe Dlamini",
    "Aisha Abubakar", "Mikael Virtanen", "Sofia Rossi", "Ravi Patel", "Emma Dubois",
)
PRODUCTS = ("Ergonomic Steel Chair", "Wireless Mouse", "USB-C Hub 7-in-1", "Organic Green Tea",
            "Stainless Water Bottle", "Noise Cancelling Headphones", "Yoga Mat Pro", "LED Desk Lamp",
            "Mechanical Keyboard", "Cast Iron Skillet", "Running Shoes X2", "Bluetooth Speaker Mini")
NOTES = (
    "Customer asked for a callback next week", "Delivered to front desk", "Please ship with gift wrap",
    "Escalated to tier 2 support", "Refund processed", "Duplicate order, cancelled", "Left at back door",
    "Wants invoice by mail", "Reached voicemail twice", "Follow up in Q3 about renewal",
)

# Rounds 1-10 labelled a street line in its own column ``address``; every round since 11 labels it ``address_part``
# when the town or postcode has a column of its own (docs/pii.md). The development set keeps the one convention.
STREET_LINE_PART = "relabelled address -> address_part: a street line beside its own town/postcode columns"
# A column of ``Name <email>`` mailboxes was labelled ``person_name`` under a person's role (author, from) by the
# rounds written beside the detector, ``email`` by round 14's independent author: one rule now, by the values.
MAILBOX_EMAIL = "relabelled person_name -> email: every cell a mailbox (Name <email>), an email address"
