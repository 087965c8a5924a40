"""Swedish-looking titles and sentences from a small vocabulary, reproducible from a random generator."""

SUBJECTS = (
    "Kommunen",
    "Regionen",
    "Nämnden",
    "Förvaltningen",
    "Styrelsen",
    "Fullmäktige",
    "Revisionen",
    "Socialtjänsten",
    "Skolan",
    "Vården",
)
VERBS = ("utvecklar", "leder", "följer upp", "styr", "granskar", "finansierar", "digitaliserar", "samordnar")
OBJECTS = (
    "arbetet med digitalisering",
    "den lokala demokratin",
    "välfärdens kompetensförsörjning",
    "klimatanpassningen",
    "upphandlingen",
    "äldreomsorgen",
    "integrationen",
    "krisberedskapen",
    "kollektivtrafiken",
    "bostadsförsörjningen",
    "folkhälsan",
    "den öppna datan",
)
ENDINGS = (
    "tillsammans med civilsamhället",
    "med stöd av forskningen",
    "i hela landet",
    "under mandatperioden",
    "med invånarna i fokus",
    "inom ramen för budgeten",
)
TITLE_STARTS = ("Så leder ni", "Att styra", "Vägledning om", "Nytt om", "Konferens om", "Erfarenheter av", "Frågor om")


def title(rng):
    return f"{rng.choice(TITLE_STARTS)} {rng.choice(OBJECTS)}"


def sentences(rng, count):
    return " ".join(
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}." for _ in range(count)
    )


COMMENTS = (
    "Jag hittade inte det jag sökte.",
    "Länken till anmälan fungerar inte.",
    "För lite om hur man gör i praktiken.",
    "Texten var svår att förstå.",
    "Saknar kontaktuppgifter till någon som kan svara.",
    "Datumet stämmer inte med inbjudan.",
)
