"""What the synthetic population is drawn from: each municipality's approximate number of
inhabitants (thousands, all ages, rounded: enough to make large and small municipalities look
large and small; not official figures), the share of them aged 16-66 and the level of
unemployment by comparison group, and the seasons of each kind of record."""

from __future__ import annotations

INHABITANTS_THOUSANDS: dict[str, float] = {
    "0101": 660, "0147": 105, "0151": 52, "0153": 39, "0155": 14.5, "0157": 75, "0159": 70,
    "0161": 24, "0163": 30, "0165": 28, "0167": 54, "0169": 58, "0173": 57, "0175": 41,
    "0183": 24, "0185": 44, "0187": 17, "0190": 42, "0201": 26, "0210": 41, "0217": 63,
    "0219": 52, "0223": 25.5, "0230": 57, "0240": 44, "0250": 46, "0253": 51, "0259": 62,
    "0260": 31.5, "0265": 90, "0269": 23, "0270": 41.5, "0306": 33, "0316": 73, "0320": 37.5,
    "0326": 48.5, "0329": 36, "0330": 80, "0336": 23.5, "0340": 30, "0350": 28, "0360": 40,
    "0370": 84, "0376": 60, "0390": 45.5, "0400": 39, "0410": 39.5, "0420": 41, "0430": 51.5,
    "0440": 24, "0450": 32, "0461": 208, "0479": 58.5, "0480": 29.5, "0482": 12, "0492": 6,
    "0510": 56, "0530": 27, "0540": 74, "0550": 37, "0561": 116, "0563": 3.5, "0573": 50,
    "0575": 43, "0580": 59, "0607": 52, "0615": 98, "0621": 95, "0630": 121, "0657": 90,
    "0661": 59, "0665": 19, "0671": 20.5, "0706": 43, "0707": 37, "0710": 54, "0727": 23,
    "0730": 99, "0740": 99, "0741": 3.7, "0746": 65, "0751": 367, "0756": 41.5, "0760": 56,
    "0766": 47, "0773": 20, "0779": 46, "0787": 43, "0791": 97.5, "0810": 36.5, "0813": 58.5,
    "0820": 36.5, "0825": 1.7, "0840": 30.5, "0846": 41.5, "0849": 38, "0851": 222,
    "0860": 64.5,
}  # fmt: skip

# By comparison group: the share of inhabitants aged 16-66, and jobseekers per 1,000 of them.
WORKING_AGE_SHARE = {"1": 0.72, "2": 0.64, "3": 0.64, "4": 0.62, "5": 0.58}
JOBSEEKERS_PER_1000 = {"1": 42.0, "2": 30.0, "3": 34.0, "4": 33.0, "5": 40.0}

# Relative weight by calendar month (January first).
STARTS = (1.45, 1.2, 1.0, 0.9, 0.75, 0.7, 0.8, 0.95, 0.95, 1.0, 1.1, 1.3)  # winter: more
ENDS = (0.8, 0.95, 1.2, 1.25, 1.25, 1.15, 0.85, 1.0, 1.05, 1.0, 0.9, 0.7)  # spring: more
SICKNESS = (1.5, 1.4, 1.2, 1.0, 0.8, 0.7, 0.6, 0.7, 0.9, 1.0, 1.2, 1.4)
HOLIDAYS = (0.5, 0.8, 0.6, 0.8, 0.9, 1.4, 3.0, 1.3, 0.6, 1.0, 0.6, 1.8)
INTERVIEWS = (1.1, 1.1, 1.1, 1.0, 1.0, 0.9, 0.45, 0.9, 1.1, 1.05, 1.1, 0.8)
APPLICATIONS = (1.2, 1.15, 1.1, 1.05, 1.0, 0.9, 0.7, 1.0, 1.1, 1.0, 1.0, 0.75)

# Contact group: (share of jobseekers, median days registered, interviews a month,
# applications a month).
GROUPS: dict[int, tuple[float, int, float, float]] = {
    1: (0.45, 110, 0.5, 1.6),
    2: (0.2, 240, 0.4, 0.6),
    3: (0.05, 260, 0.4, 0.5),
    4: (0.02, 240, 0.35, 0.3),
    5: (0.01, 200, 0.35, 0.2),
    6: (0.13, 60, 0.25, 0.05),
    7: (0.05, 280, 0.3, 0.3),
    8: (0.09, 90, 0.12, 0.8),
}

# Age bands at the start of a registration: (youngest, oldest, share).
AGES = ((18, 24, 0.17), (25, 29, 0.16), (30, 39, 0.22), (40, 49, 0.18), (50, 59, 0.19),
        (60, 66, 0.08))  # fmt: skip

EMPLOYERS = (
    "Nordlys A/S", "Havnens Værksted ApS", "Bager Jensen", "Lager & Logistik A/S",
    "Kommunens Ældrepleje", "Grønt Byggeri ApS", "Fjordens Hotel", "Dansk Detail A/S",
    "Teknik Service ApS", "Skovens Børnehus",
)  # fmt: skip
JOB_TITLES = (
    "Lagermedarbejder", "Social- og sundhedshjælper", "Butiksassistent", "Chauffør",
    "Tømrer", "Kontorassistent", "Kok", "Pædagogmedhjælper", "Elektriker", "Rengøringsassistent",
)  # fmt: skip
