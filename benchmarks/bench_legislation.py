"""Benchmark: full-text search over a world-sized, generated corpus of national laws, and the
speed of importing a law (segmentation, then save_version, which writes and indexes).

    .venv/bin/python benchmarks/bench_legislation.py                     # SQLite
    .venv/bin/python benchmarks/bench_legislation.py --postgres          # PostgreSQL
    .venv/bin/python benchmarks/bench_legislation.py --provisions 50000  # a quick run

SQLite: var/benchmark-legislation.sqlite3; PostgreSQL: the database ctassist_benchmark_legislation
on 127.0.0.1:5432 (user postgres), created if missing.

The corpus: for each of the 197 states, several laws (Law.generated = True, titles starting
"GENERATED —", sources saying "GENERATED BENCHMARK DATA"), in zh en fr es ru ar, of every kind,
with dated versions (old versions stay in the index, so "in force on" filtering matters),
about --provisions provisions in all. Texts in zh, en and fr are sentences of the laws shipped
in data/legislation, sampled and recombined; es, ru and ar have no shipped law, so their
texts are built from a small legal vocabulary written in this file (also generated, not law).
The database is made anew on each run (--reuse keeps a corpus already generated) and is
never the one `make run` uses. Requests go through Django's test client in this process (no
network), so the figures are the server's own time.
"""

import argparse
import datetime
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from database import configure  # noqa: E402  (benchmarks/database.py)
from timing import percentiles, time_get  # noqa: E402  (benchmarks/timing.py)

GENERATED_SOURCE = "GENERATED BENCHMARK DATA — not a real law (benchmarks/bench_legislation.py)"
PG_DATABASE = "ctassist_benchmark_legislation"
LEGISLATION = ROOT / "data" / "legislation"
LANGUAGES = ("zh", "en", "fr", "es", "ru", "ar")
# Where a real state's main language is obvious, its generated laws use it; the others draw one.
MAIN_LANGUAGE = {"CHN": "zh", "GBR": "en", "FRA": "fr", "ESP": "es", "RUS": "ru", "EGY": "ar"}
KINDS = (
    ("act", 50),
    ("code", 12),
    ("decree", 15),
    ("regulation", 15),
    ("judicial-interpretation", 5),
    ("constitution", 3),
)
BATCH = 10_000  # provisions written and indexed per transaction by the generator

# (one-word queries, two-word queries) per language.
QUERIES = {
    "zh": (["恐怖", "洗钱"], ["资助恐怖活动", "恐怖 组织"]),
    "en": (["terrorist", "property"], ["terrorist activity", "financing terrorism"]),
    "fr": (["terrorisme", "infraction"], ["financement terrorisme", "acte terroriste"]),
    "es": (["terrorismo", "delito"], ["financiación terrorismo", "organización terrorista"]),
    "ru": (["терроризм", "преступление"], ["финансирование терроризма", "террористическая организация"]),
    "ar": (["الإرهاب", "جريمة"], ["تمويل الإرهاب", "جماعة إرهابية"]),
}
FILTERED = [  # (label, query, filters)
    ("en 2 words, state=GBR, in_force_on=2015-06-30", "terrorist activity", {"state": "GBR"}),
    ("en 2 words, in_force_on=2015-06-30", "terrorist activity", {}),
]
FILTER_DATE = datetime.date(2015, 6, 30)


# --- Generated vocabulary for es, ru, ar (no shipped law in these languages) -----------------
# GENERATED: phrases written for this benchmark, combined at random; they are not law.

ES = {
    "offence": [
        "{who} {verb} {object} {how}, será castigado con {penalty}.",
        "{authority} {may} {action} {target} {purpose}.",
        "A los efectos de esta ley, se entiende por {term} {definition}.",
        "Las disposiciones de este capítulo se aplicarán también cuando {object} {where}.",
    ],
    "who": ["Quien", "El que", "Toda persona que", "Cualquier persona que", "El funcionario público que"],
    "verb": ["financie", "recaude", "facilite", "organice", "promueva", "oculte", "transfiera", "administre"],
    "object": [
        "fondos destinados a la financiación del terrorismo",
        "bienes para la comisión de un delito de terrorismo",
        "las actividades de una organización terrorista",
        "recursos económicos de un grupo terrorista",
        "el blanqueo de capitales procedentes de un delito",
        "la comisión de delitos graves contra la seguridad pública",
        "armas, municiones o explosivos",
        "documentos de identidad falsos",
        "la captación de personas para un grupo criminal",
    ],
    "how": [
        "con conocimiento de su destino",
        "directa o indirectamente",
        "dentro o fuera del territorio nacional",
        "con el propósito de intimidar a la población",
        "en beneficio de una organización criminal",
        "por cualquier medio",
    ],
    "penalty": [
        "la pena de prisión de cinco a diez años",
        "prisión de ocho a quince años y multa",
        "la pena de inhabilitación absoluta",
        "prisión de tres a seis años",
        "multa del tanto al triplo del valor de los bienes",
    ],
    "authority": [
        "La autoridad competente",
        "El Ministerio Público",
        "La unidad de inteligencia financiera",
        "El juez de instrucción",
        "El tribunal",
        "El Gobierno",
    ],
    "may": ["podrá", "deberá"],
    "action": ["ordenar el embargo de", "congelar", "decomisar", "investigar", "inmovilizar"],
    "target": [
        "los fondos vinculados al terrorismo",
        "los bienes procedentes del delito",
        "las cuentas de las personas investigadas",
        "los activos de las organizaciones terroristas",
        "las operaciones sospechosas de financiación del terrorismo",
    ],
    "purpose": [
        "conforme a lo dispuesto en el presente Código",
        "para prevenir la comisión de un delito",
        "sin perjuicio de la responsabilidad penal que corresponda",
        "durante el tiempo estrictamente necesario",
    ],
    "term": ["delito de terrorismo", "organización terrorista", "financiación", "bienes", "entidad obligada"],
    "definition": [
        "todo acto destinado a causar la muerte o lesiones graves a la población civil",
        "cualquier agrupación de más de dos personas con carácter estable",
        "la provisión o recolección de fondos por cualquier medio",
        "los activos de cualquier tipo, tangibles o intangibles, muebles o inmuebles",
        "toda persona física o jurídica sujeta a las obligaciones de esta ley",
    ],
    "where": [
        "se cometan en el extranjero",
        "afecten a intereses nacionales",
        "se realicen por medios electrónicos",
    ],
}

RU = {
    "offence": [
        "{deed}, {how}, наказывается {penalty}.",
        "{authority} {may} {action} {purpose}.",
        "Для целей настоящего Закона {term} — {definition}.",
        "Положения настоящей статьи применяются, если {deed_lower} {where}.",
    ],
    "deed": [
        "Финансирование терроризма",
        "Содействие террористической деятельности",
        "Организация террористического сообщества",
        "Публичные призывы к осуществлению террористической деятельности",
        "Легализация денежных средств, приобретённых преступным путём",
        "Вербовка лица для совершения преступления террористической направленности",
        "Предоставление или сбор средств для финансирования терроризма",
        "Незаконный оборот оружия и взрывчатых веществ",
        "Участие в деятельности террористической организации",
    ],
    "deed_lower": [
        "преступление совершено",
        "деяние совершено",
        "финансирование терроризма осуществлено",
        "террористический акт совершён",
    ],
    "how": [
        "совершённое группой лиц по предварительному сговору",
        "совершённое с использованием служебного положения",
        "совершённое в крупном размере",
        "повлекшее по неосторожности смерть человека",
        "совершённое организованной группой",
    ],
    "penalty": [
        "лишением свободы на срок от пяти до десяти лет",
        "лишением свободы на срок от восьми до пятнадцати лет со штрафом",
        "штрафом в размере до одного миллиона рублей",
        "пожизненным лишением свободы",
        "принудительными работами на срок до пяти лет",
    ],
    "authority": [
        "Уполномоченный орган",
        "Суд",
        "Прокурор",
        "Следователь",
        "Федеральный орган исполнительной власти",
    ],
    "may": ["вправе", "обязан"],
    "action": [
        "приостановить операции с денежными средствами лиц, причастных к терроризму",
        "наложить арест на имущество, полученное в результате преступления",
        "конфисковать средства, предназначенные для финансирования терроризма",
        "проверить сведения о подозрительных операциях",
        "запросить информацию у кредитных организаций",
    ],
    "purpose": [
        "в порядке, установленном настоящим Законом",
        "в целях противодействия терроризму",
        "при наличии достаточных оснований",
        "в течение трёх рабочих дней",
    ],
    "term": [
        "терроризм",
        "террористическая деятельность",
        "финансирование терроризма",
        "преступление",
        "террористическая организация",
        "имущество",
    ],
    "definition": [
        "идеология насилия и практика воздействия на принятие решения органами государственной власти",
        "предоставление или сбор средств с осознанием того, что они предназначены для финансирования"
        " терроризма",
        "виновно совершённое общественно опасное деяние, запрещённое настоящим Кодексом"
        " под угрозой наказания",
        "организация, созданная в целях осуществления террористической деятельности",
        "денежные средства, ценные бумаги и иное имущество",
    ],
    "where": [
        "за пределами Российской Федерации",
        "с использованием сети Интернет",
        "в отношении иностранного государства",
    ],
}

AR = {
    "offence": [
        "يعاقب {penalty} كل من {verb} {object} {how}.",
        "{authority} {action} {target}.",
        "في تطبيق أحكام هذا القانون، يقصد بعبارة {term} {definition}.",
        "تسري أحكام هذه المادة على {object} {where}.",
    ],
    "penalty": [
        "بالسجن المؤبد",
        "بالسجن المشدد مدة لا تقل عن عشر سنوات",
        "بالحبس مدة لا تزيد على خمس سنوات",
        "بالغرامة التي لا تقل عن مائة ألف",
    ],
    "verb": ["قام بتمويل", "جمع أموالا لصالح", "ساهم في", "أنشأ أو أدار", "انضم إلى", "روج لأفكار"],
    "object": [
        "جماعة إرهابية",
        "عمل إرهابي",
        "جريمة من جرائم الإرهاب",
        "منظمة إجرامية",
        "أعمال غسل الأموال",
        "تمويل الإرهاب",
        "الاتجار غير المشروع بالأسلحة",
    ],
    "how": [
        "مع علمه بذلك",
        "بصورة مباشرة أو غير مباشرة",
        "داخل البلاد أو خارجها",
        "بقصد الإخلال بالنظام العام",
    ],
    "authority": [
        "يجوز للنيابة العامة",
        "يجوز للمحكمة المختصة",
        "يجب على وحدة التحريات المالية",
        "يجب على المؤسسات المالية",
    ],
    "action": ["تجميد", "مصادرة", "الإبلاغ عن", "التحقيق في", "حجز"],
    "target": [
        "الأموال المتعلقة بتمويل الإرهاب",
        "الأموال المستخدمة في ارتكاب الجريمة",
        "الأصول العائدة للجماعات الإرهابية",
        "العمليات المشبوهة وفقا لأحكام هذا القانون",
    ],
    "term": ["«الإرهاب»", "«تمويل الإرهاب»", "«الجريمة الإرهابية»", "«الأموال»", "«الجماعة الإرهابية»"],
    "definition": [
        "كل استخدام للقوة أو العنف أو التهديد بهدف الإخلال بالنظام العام",
        "جمع أو تقديم الأموال بأي وسيلة لاستخدامها في ارتكاب جريمة إرهابية",
        "كل جريمة منصوص عليها في هذا القانون",
        "الأصول أيا كان نوعها، مادية كانت أو معنوية",
    ],
    "where": ["إذا ارتكبت خارج البلاد", "إذا وقعت على مصالح الدولة", "إذا استخدمت فيها وسائل إلكترونية"],
}
VOCABULARY = {"es": ES, "ru": RU, "ar": AR}
GENERATED_HEADINGS = {
    "es": ["Financiación del terrorismo", "Organizaciones terroristas", "Decomiso", "Definiciones", "Penas"],
    "ru": ["Финансирование терроризма", "Террористическая организация", "Конфискация", "Основные понятия"],
    "ar": ["تمويل الإرهاب", "الجماعات الإرهابية", "المصادرة", "التعريفات", "العقوبات"],
}


def vocabulary_sentence(rng: random.Random, words: dict) -> str:
    template = rng.choice(words["offence"])
    return re.sub(r"\{(\w+)\}", lambda found: rng.choice(words[found.group(1)]), template)


# --- Sentences of the shipped laws (zh, en, fr) ---------------------------------------------

SHIPPED = {
    "zh": ["cn/*.zh.md"],
    "en": ["ca/*.en.md", "in/*.en.md", "uk/*.en.md"],
    "fr": ["fr/*.fr.md", "ca/*.fr.md"],
}
_LEADING_NUMBER = {
    "zh": re.compile(
        r"^第[〇零一二三四五六七八九十百千万]+[条章节编](之[一二三四五六七八九十]+)?[\s\u3000]*"
    ),
    "other": re.compile(
        r"^(?:Article\s+|Section\s+)?(?:\(?[0-9]+(?:[.-][0-9]+)*[A-Za-z]?[.)°]?|\(?[a-z]{1,4}\)|[IVX]+\.)\s+"
    ),
}


def shipped_sentences(language: str) -> tuple[list[str], list[str]]:
    """(sentences, headings) of the shipped laws in `language`, without Markdown or numbers."""
    sentences, headings = [], []
    for pattern in SHIPPED[language]:
        for path in sorted(LEGISLATION.glob(pattern)):
            text = path.read_text(encoding="utf-8")
            text = re.sub(r"<!--.*?-->|<details>.*?</details>", "\n", text, flags=re.S)
            text = re.sub(r"^(# SOURCE[^\n]*\n\s*)?---\n.*?\n---\n", "", text, count=1, flags=re.S)
            leading = _LEADING_NUMBER["zh" if language == "zh" else "other"]
            for raw in text.splitlines():
                line = raw.strip()
                if not line or line.startswith(("# SOURCE", "---", "|")):
                    continue
                is_heading = line.startswith("#") or (line.startswith("**") and line.endswith("**"))
                line = re.sub(r"^#+\s*|^[-*>]\s+", "", line)
                line = re.sub(r"\*+|`|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", line).strip()
                for _ in range(2):
                    line = leading.sub("", line).strip()
                if is_heading:
                    if 3 <= len(line) <= 90 and not re.match(r"(Article|Chapitre|Titre|Part)\b", line):
                        headings.append(line)
                    continue
                parts = re.split(r"(?<=[。；！？])" if language == "zh" else r"(?<=[.;:])\s+", line)
                for part in parts:
                    part = leading.sub("", part.strip()).strip()
                    if language == "zh" and len(part) >= 8:
                        sentences.append(part)
                    elif language != "zh" and len(part) >= 30 and len(part.split()) >= 5:
                        sentences.append(part)
    return sorted(set(sentences)), sorted(set(headings))


class TextSource:
    """Provision texts and headings of one language, drawn with a seeded generator."""

    def __init__(self, language: str, rng: random.Random):
        self.language, self.rng = language, rng
        if language in SHIPPED:
            self.sentences, self.headings = shipped_sentences(language)
        else:
            self.sentences, self.headings = [], GENERATED_HEADINGS[language]

    def sentence(self) -> str:
        if self.sentences:
            return self.rng.choice(self.sentences)
        return vocabulary_sentence(self.rng, VOCABULARY[self.language])

    def text(self) -> str:
        count = self.rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
        separator = "" if self.language == "zh" else " "
        paragraphs = []
        for _ in range(1 if self.rng.random() < 0.7 else 2):
            paragraphs.append(separator.join(self.sentence() for _ in range(count)))
        return "\n".join(paragraphs)

    def heading(self) -> str:
        if self.language == "zh" or not self.headings or self.rng.random() < 0.3:
            return ""
        return self.rng.choice(self.headings)


def chinese_numeral(number: int) -> str:
    """1 → 一, 110 → 一百一十, 1005 → 一千零五 (below 100,000)."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number - 10] if number > 10 else "")
    out, zero, started = "", False, False
    for value, unit in ((10000, "万"), (1000, "千"), (100, "百"), (10, "十")):
        digit = number // value % 10
        if digit:
            out += ("零" if zero else "") + digits[digit] + unit
            zero, started = False, True
        elif started:
            zero = True
    if number % 10:
        out += ("零" if zero else "") + digits[number % 10]
    return out


def provision_number(language: str, number: int) -> str:
    return {
        "zh": f"第{chinese_numeral(number)}条",
        "ru": f"Статья {number}",
        "ar": f"المادة {number}",
    }.get(language, str(number))


# --- Database ---------------------------------------------------------------------------------


def weighted(rng: random.Random, pairs) -> str:
    return rng.choices([value for value, _weight in pairs], [weight for _value, weight in pairs])[0]


def random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def plan_laws(rng: random.Random, states, total: int):
    """Laws and versions (unsaved) for every state, and how many provisions each version gets."""
    from legislation.models import Law, LawStatus, LawVersion

    today = datetime.date(2026, 1, 1)
    laws, versions, weights = [], [], []
    for state in states:
        main = MAIN_LANGUAGE.get(state.iso3) or rng.choice(LANGUAGES)
        for index in range(1, rng.randint(3, 8) + 1):
            language = main if rng.random() < 0.75 else rng.choice(LANGUAGES)
            kind = weighted(rng, KINDS)
            adopted = random_date(rng, datetime.date(1975, 1, 1), datetime.date(2024, 6, 30))
            in_force = adopted + datetime.timedelta(days=rng.randint(0, 400))
            repealed = random_date(rng, in_force, today) if rng.random() < 0.1 else None
            law = Law(
                slug=f"generated-{state.iso3.lower()}-{index}",
                state=state,
                kind=kind,
                title=f"GENERATED — {kind} {index} of {state.iso3} ({language}), not a real law",
                language=language,
                adopted_on=adopted,
                in_force_on=in_force,
                repealed_on=repealed,
                status=LawStatus.REPEALED if repealed else LawStatus.IN_FORCE,
                source=GENERATED_SOURCE,
                published=rng.random() < 0.9,
                generated=True,
            )
            dates = [in_force]
            for _ in range(weighted(rng, ((0, 55), (1, 30), (2, 15)))):
                later = random_date(rng, dates[-1] + datetime.timedelta(days=30), today)
                if later > dates[-1] and later < today:
                    dates.append(later)
            law.last_amended_on = dates[-1] if len(dates) > 1 else None
            size = rng.lognormvariate(0, 0.9)
            law_versions = []
            for number, valid_from in enumerate(dates):
                valid_to = dates[number + 1] if number + 1 < len(dates) else None
                version = LawVersion(
                    law=law, valid_from=valid_from, valid_to=valid_to, source=GENERATED_SOURCE
                )
                law_versions.append(version)
                weights.append(size * rng.uniform(0.8, 1.0))
            laws.append(law)
            versions.append(law_versions)
    scale = total / sum(weights)
    counts = [max(1, round(weight * scale)) for weight in weights]
    counts[-1] = max(1, counts[-1] + total - sum(counts))
    return laws, versions, counts


def generate(total: int, seed: int = 2026) -> dict:
    """The generated corpus; returns the counts and timings of writing and indexing it."""
    from django.core.management import call_command
    from django.db import connection, transaction

    from legislation.models import Law, LawVersion, Provision
    from legislation.search import backends, index_provisions
    from states.models import State

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_reference", verbosity=0)
    setup = time.perf_counter() - started
    rng = random.Random(seed)
    sources = {language: TextSource(language, random.Random(f"{seed}-{language}")) for language in LANGUAGES}
    states = list(State.objects.order_by("iso3"))
    laws, versions, counts = plan_laws(rng, states, total)
    with transaction.atomic():
        Law.objects.bulk_create(laws, batch_size=500)
        for law, law_versions in zip(laws, versions, strict=True):
            for version in law_versions:
                version.law = law
        LawVersion.objects.bulk_create([v for law_versions in versions for v in law_versions], batch_size=500)
    flat = [
        (law, version) for law, law_versions in zip(laws, versions, strict=True) for version in law_versions
    ]
    write_seconds = index_seconds = 0.0
    buffer: list = []

    def flush():
        nonlocal write_seconds, index_seconds
        with transaction.atomic():
            start = time.perf_counter()
            created = Provision.objects.bulk_create(buffer, batch_size=2000)
            middle = time.perf_counter()
            index_provisions([provision.id for provision in created])
            index_seconds += time.perf_counter() - middle
            write_seconds += middle - start
        buffer.clear()

    built = 0
    build_started = time.perf_counter()
    for (law, version), count in zip(flat, counts, strict=True):
        source = sources[law.language]
        kind = "section" if law.language == "en" else "article"
        for position in range(count):
            number = position + 1
            buffer.append(
                Provision(
                    version=version,
                    position=position,
                    depth=0,
                    kind=kind,
                    number=provision_number(law.language, number),
                    heading=source.heading(),
                    text=source.text(),
                    eid=f"{'sec' if kind == 'section' else 'art'}_{number}",
                )
            )
            if len(buffer) >= BATCH:
                built += len(buffer)
                flush()
                if built % 100_000 < BATCH:
                    elapsed = time.perf_counter() - build_started
                    print(f"  … {built:,} provisions in {elapsed:.0f} s", flush=True)
    if buffer:
        built += len(buffer)
        flush()
    build_seconds = time.perf_counter() - build_started
    start = time.perf_counter()
    with connection.cursor() as cursor:
        backends.for_connection(connection).optimize(cursor)  # FTS5 'optimize' / ANALYZE of the index
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")  # autovacuum would, a little later
    optimize_seconds = time.perf_counter() - start
    return {
        "laws": len(laws),
        "versions": len(flat),
        "provisions": built,
        "setup": setup,
        "build": build_seconds,
        "write": write_seconds,
        "index": index_seconds,
        "optimize": optimize_seconds,
    }


def corpus_counts() -> dict:
    from legislation.models import Law, LawVersion, Provision

    return {
        "laws": Law.objects.filter(generated=True).count(),
        "versions": LawVersion.objects.filter(law__generated=True).count(),
        "provisions": Provision.objects.filter(version__law__generated=True).count(),
    }


# --- Import speed -----------------------------------------------------------------------------


def import_text(language: str, sections: int, rng: random.Random) -> str:
    """A generated law of `sections` numbered articles (zh) or sections (en)."""
    source = TextSource(language, rng)
    if language == "zh":
        lines = ["# GENERATED — 基准测试生成的法律文本，不是真实法律", ""]
        for number in range(1, sections + 1):
            if number % 50 == 1:
                lines += [f"## 第{chinese_numeral(number // 50 + 1)}章 {source.sentence()[:12]}", ""]
            lines += [f"第{chinese_numeral(number)}条 {source.text()}", ""]
        return "\n".join(lines)
    lines = ["# GENERATED — benchmark law text, not a real law", ""]
    for number in range(1, sections + 1):
        heading = source.rng.choice(source.headings)
        lines += [f"### {number} {heading}", ""]
        if rng.random() < 0.25:  # a section with subsections
            for sub in (1, 2):
                lines += [f"({sub}) {source.sentence()}", ""]
        else:
            lines += [source.sentence() + " " + source.sentence(), ""]
    return "\n".join(lines)


def measure_import(language: str, sections: int, seed: int = 2026) -> dict:
    from legislation.models import Law, LawKind
    from legislation.segmentation import segment
    from legislation.services import save_version
    from states.models import State

    text = import_text(language, sections, random.Random(f"{seed}-import-{language}"))
    start = time.perf_counter()
    parsed = segment(text, language)
    segmented = time.perf_counter()
    runs = Law.objects.filter(slug__startswith=f"generated-import-{language}").count()
    law = Law(
        slug=f"generated-import-{language}-{runs + 1}",
        state=State.objects.get(iso3="CHN" if language == "zh" else "GBR"),
        kind=LawKind.ACT,
        title=f"GENERATED — import benchmark ({language}), not a real law",
        language=language,
        source=GENERATED_SOURCE,
        generated=True,
    )
    saving = time.perf_counter()
    save_version(law, parsed, valid_from=datetime.date(2026, 1, 1), source=GENERATED_SOURCE)
    saved = time.perf_counter()
    count = sum(1 for _provision in parsed.walk())
    return {
        "provisions": count,
        "chars": len(text),
        "segment": segmented - start,
        "save": saved - saving,
    }


# --- Search latency ---------------------------------------------------------------------------


def time_search(q: str, runs: int, **filters) -> tuple[list[float], int]:
    from legislation.search import search

    for _ in range(3):
        total, _hits = search(q, published_only=False, limit=20, **filters)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        search(q, published_only=False, limit=20, **filters)
        timings.append((time.perf_counter() - start) * 1000)
    return timings, total


def time_api(client, q: str, runs: int, **filters) -> tuple[list[float], int]:
    params = {"q": q, **{key: str(value) for key, value in filters.items()}}
    timings, response = time_get(client, "/api/v1/search", runs, params)
    return timings, response.json()["total"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--provisions", type=int, default=1_000_000, help="size of the generated corpus")
    parser.add_argument("--runs", type=int, default=30, help="measured runs of each query (after 3 warm-up)")
    parser.add_argument("--import-sections", type=int, default=5000, help="articles / sections of the import")
    parser.add_argument("--import-runs", type=int, default=5, help="imports of each language")
    parser.add_argument("--reuse", action="store_true", help="keep the corpus of the previous run")
    args = parser.parse_args()
    url = configure("benchmark-legislation", PG_DATABASE, args.postgres, fresh=not args.reuse)
    print(f"database: {url.split('@')[-1]}")
    if args.postgres:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("SELECT version(), current_setting('shared_buffers'), current_setting('work_mem')")
            version, shared_buffers, work_mem = cursor.fetchone()
        print(f"{version.split(' on ')[0]}, shared_buffers {shared_buffers}, work_mem {work_mem}")
    if args.reuse:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    counts = corpus_counts() if args.reuse else {"provisions": 0}
    if args.reuse and counts["provisions"]:
        print(f"reused corpus: {counts['laws']:,} generated laws, {counts['provisions']:,} provisions")
    else:
        made = generate(args.provisions)
        rate = made["provisions"] / (made["write"] + made["index"])
        print(
            f"generated: {made['laws']:,} laws, {made['versions']:,} versions, "
            f"{made['provisions']:,} provisions "
            f"in {made['build']:.0f} s (migrate + load_reference {made['setup']:.0f} s before)\n"
            f"  bulk_create {made['write']:.1f} s ({made['provisions'] / made['write']:,.0f}/s), "
            f"index_provisions {made['index']:.1f} s ({made['provisions'] / made['index']:,.0f}/s), "
            f"together {rate:,.0f} provisions/s; optimize {made['optimize']:.1f} s"
        )

    from django.test import Client

    client = Client()
    print(f"\nsearch latency, ms ({args.runs} runs of each query after 3 warm-up; p95 = 95th percentile)")
    print(row("queries", "search() median", "p95", "API median", "p95"))
    matches = []
    for language, (one, two) in QUERIES.items():
        for words, queries in (("1 word", one), ("2 words", two)):
            direct, api = [], []
            for q in queries:
                timings, total = time_search(q, args.runs)
                direct += timings
                timings, api_total = time_api(client, q, args.runs)
                api += timings
                matches.append(f"{q} {total:,}/{api_total:,}")
            print(
                row(f"{language}, {words} ({len(queries)} queries)", *percentiles(direct), *percentiles(api))
            )
    for label, q, filters in FILTERED:
        direct, total = time_search(q, args.runs, in_force_on=FILTER_DATE, **filters)
        api, api_total = time_api(client, q, args.runs, in_force_on=FILTER_DATE, **filters)
        matches.append(f"{label}: {total:,}/{api_total:,}")
        print(row(label, *percentiles(direct), *percentiles(api)))
    print("\nmatches, search(published_only=False) / API for an anonymous user (published laws only):")
    print("\n".join(f"  {line}" for line in matches))

    print(
        f"\nimport (segment + save_version), {args.import_sections:,} numbered provisions of each "
        f"language, {args.import_runs} imports each, one after the other:"
    )
    for language in ("zh", "en"):
        done = [measure_import(language, args.import_sections) for _run in range(args.import_runs)]
        rates = [d["provisions"] / (d["segment"] + d["save"]) for d in done]
        middle = done[rates.index(statistics.median_low(rates))]
        print(
            f"  {language}: {middle['provisions']:,} provisions ({middle['chars'] / 1e6:.1f} M characters): "
            f"median {statistics.median(rates):,.0f} provisions/s (slowest {min(rates):,.0f}, fastest "
            f"{max(rates):,.0f}); the median run: segment {middle['segment']:.2f} s, "
            f"save_version {middle['save']:.2f} s"
        )
        print("     each run: " + ", ".join(f"{rate:,.0f}" for rate in rates))


def row(label: str, *figures) -> str:
    cells = [f"{figure:.1f}" if isinstance(figure, float) else figure for figure in figures]
    return f"{label:46s} {cells[0]:>15s} {cells[1]:>7s}  {cells[2]:>10s} {cells[3]:>7s}"


if __name__ == "__main__":
    main()
