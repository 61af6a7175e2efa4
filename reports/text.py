"""The report's words in English and Russian: labels, phrases, numbers and months."""

from __future__ import annotations

LANGS = ("en", "ru")

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ru": (
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ),
}

LABELS = {
    "en": {
        "rights": "Violations of the rights of journalists and media",
        "access": "Access to and dissemination of information",
        "legal": "Claims against journalists and media for their speech",
        "total": "All incidents",
        "rights.obstruction": "Obstruction of professional activity",
        "rights.detention": "Detention",
        "rights.attack": "Attack, damage to property",
        "rights.threat": "Threats",
        "rights.insult": "Insult, smear",
        "rights.impersonation": "Impersonation, fake accounts",
        "rights.privacy": "Privacy, doxxing",
        "rights.summons": "Summons",
        "rights.interference": "Interference in editorial work",
        "rights.copyright": "Copyright",
        "access.refusal": "Refusal of information",
        "access.accreditation": "Accreditation",
        "access.court_openness": "Closed courts",
        "access.closure": "Closure or suspension of a media outlet",
        "access.blocking": "Blocking",
        "access.cyberattack": "Cyberattacks (DDoS, hacking)",
        "legal.criminal": "Criminal charges",
        "legal.civil": "Civil claims and lawsuits",
        "legal.administrative": "Administrative charges",
        "criminal": "Criminal charges",
        "criminal.in_court": "criminal cases in court",
        "civil": "Civil claims and lawsuits",
        "civil.honour": "honour, dignity and business reputation",
        "administrative": "Administrative charges",
        "administrative.defamation": "defamation (CAO 73-3)",
        "administrative.false_info": "false information (CAO 456-2)",
        "claimed": "tenge claimed in honour-and-dignity cases",
        "recovered": "tenge recovered in honour-and-dignity cases",
        "ytd": "digital threats, year to date",
        "prev_ytd": "digital threats, same period last year",
        "month": "this month",
        "ytd_prefix": "year to date",
        "prev_ytd_prefix": "same period last year",
        "prev_month": "same month last year",
        "amounts": "amounts",
        "digital": "digital threats",
    },
    "ru": {
        "rights": "Нарушения прав журналистов и СМИ",
        "access": "Доступ к информации и её распространение",
        "legal": "Претензии к журналистам и СМИ в связи с высказываниями",
        "total": "Все инциденты",
        "rights.obstruction": "Воспрепятствование профессиональной деятельности",
        "rights.detention": "Задержания",
        "rights.attack": "Нападения, повреждение имущества",
        "rights.threat": "Угрозы",
        "rights.insult": "Оскорбления, дискредитация",
        "rights.impersonation": "Фейковые аккаунты от имени",
        "rights.privacy": "Частная жизнь, раскрытие данных",
        "rights.summons": "Вызовы",
        "rights.interference": "Вмешательство в работу редакции",
        "rights.copyright": "Авторское право",
        "access.refusal": "Отказ в информации",
        "access.accreditation": "Аккредитация",
        "access.court_openness": "Закрытые суды",
        "access.closure": "Закрытие или приостановка СМИ",
        "access.blocking": "Блокировки",
        "access.cyberattack": "Кибератаки (DDoS, взломы)",
        "legal.criminal": "Уголовные обвинения",
        "legal.civil": "Гражданские иски и претензии",
        "legal.administrative": "Административные обвинения",
        "criminal": "Уголовные обвинения",
        "criminal.in_court": "уголовные дела в суде",
        "civil": "Гражданские иски и претензии",
        "civil.honour": "защита чести, достоинства и деловой репутации",
        "administrative": "Административные обвинения",
        "administrative.defamation": "клевета (ст. 73-3 КоАП)",
        "administrative.false_info": "ложная информация (ст. 456-2 КоАП)",
        "claimed": "тенге заявлено по делам о чести и достоинстве",
        "recovered": "тенге взыскано по делам о чести и достоинстве",
        "ytd": "цифровые угрозы с начала года",
        "prev_ytd": "цифровые угрозы за тот же период прошлого года",
        "month": "за месяц",
        "ytd_prefix": "с начала года",
        "prev_ytd_prefix": "тот же период прошлого года",
        "prev_month": "тот же месяц прошлого года",
        "amounts": "суммы",
        "digital": "цифровые угрозы",
    },
}

PHRASES = {
    "en": {
        "title": "Press freedom monitoring: {month}",
        "draft": "Draft generated by Presswatch on {date}. Every number links to the incidents it counts.",
        "s_month": "The month in numbers",
        "month_total": "In {month}, {total} incidents concerning the work of journalists and media and the right to receive and disseminate information were recorded (news about ongoing cases is not counted):",
        "s_categories": "Incidents by category",
        "col_category": "Category",
        "col_month": "{month}",
        "col_prev": "{month}",
        "s_legal_month": "Claims filed this month",
        "s_ytd": "Since the beginning of the year",
        "ytd_intro": "From January to {month}, {total} incidents were recorded:",
        "claims_ytd": "Claims against journalists and media for their speech, year to date:",
        "of_which": "of which {n} {what}",
        "amounts": "Compensation claimed in honour-and-dignity cases: {claimed} tenge; recovered by courts: {recovered} tenge.",
        "s_yoy": "Compared with last year",
        "yoy": "In the same period of {year} there were {prev} incidents; this year's figure is {ratio} that.",
        "yoy_none": "No incidents were recorded in the same period of {year}.",
        "times": "{x} times",
        "s_digital": "Digital security",
        "digital_intro": "Digital threats (cyberattacks, fake accounts, disclosure of personal data) by month:",
        "digital_total": "Year to date: {now} digital threats against {prev} in the same period of {year} ({ratio}).",
        "col_monthname": "Month",
        "s_charts": "Charts",
        "chart_blocks": "Incidents per block, last 12 months",
        "chart_categories": "Categories: this month vs the same month last year",
        "chart_legal": "Legal claims by branch, year to date",
        "s_entries": "Incidents of the month",
        "sources": "Sources",
        "no_sources": "no source article",
        "reported": "first reported",
        "s_ongoing": "Ongoing cases (not counted)",
        "ongoing_intro": "News this month about incidents first reported earlier; listed for completeness, excluded from the counts.",
        "no_ongoing": "No news about earlier cases this month.",
        "s_appendix": "Incidents behind each number",
        "none": "none",
    },
    "ru": {
        "title": "Мониторинг свободы слова: {month}",
        "draft": "Черновик подготовлен Presswatch {date}. Каждое число ведёт к списку инцидентов, которые оно считает.",
        "s_month": "Месяц в цифрах",
        "month_total": "За {month} зарегистрировано инцидентов, связанных с работой журналистов и СМИ, получением и распространением информации: {total} (без сообщений о продолжающихся делах):",
        "s_categories": "Инциденты по категориям",
        "col_category": "Категория",
        "col_month": "{month}",
        "col_prev": "{month}",
        "s_legal_month": "Претензии, предъявленные за месяц",
        "s_ytd": "С начала года",
        "ytd_intro": "С января по {month} зарегистрировано инцидентов — {total}:",
        "claims_ytd": "Претензии к журналистам и СМИ в связи с высказываниями с начала года:",
        "of_which": "в том числе {n} — {what}",
        "amounts": "Заявленные суммы компенсации по делам о чести и достоинстве: {claimed} тенге; взыскано судами: {recovered} тенге.",
        "s_yoy": "В сравнении с прошлым годом",
        "yoy": "За тот же период {year} года зарегистрировано инцидентов: {prev}; показатель этого года больше {ratio}.",
        "yoy_none": "За тот же период {year} года инцидентов не зарегистрировано.",
        "times": "в {x} раза",
        "s_digital": "Цифровая безопасность",
        "digital_intro": "Цифровые угрозы (кибератаки, фейковые аккаунты, раскрытие личных данных) по месяцам:",
        "digital_total": "С начала года: {now} цифровых угроз против {prev} за тот же период {year} года ({ratio}).",
        "col_monthname": "Месяц",
        "s_charts": "Графики",
        "chart_blocks": "Инциденты по блокам за 12 месяцев",
        "chart_categories": "Категории: этот месяц и тот же месяц прошлого года",
        "chart_legal": "Претензии по отраслям права с начала года",
        "s_entries": "Инциденты месяца",
        "sources": "Источники",
        "no_sources": "нет статьи-источника",
        "reported": "первое сообщение",
        "s_ongoing": "Продолжающиеся дела (не учитываются в подсчётах)",
        "ongoing_intro": "Новости месяца о делах, впервые сообщённых ранее; приводятся для полноты и не входят в подсчёты.",
        "no_ongoing": "Новостей о ранее начатых делах в этом месяце нет.",
        "s_appendix": "Инциденты за каждым числом",
        "none": "нет",
    },
}


def month_name(month: str, lang: str) -> str:
    """``2026-11`` as "November 2026" / "ноябрь 2026"."""
    return f"{MONTHS[lang][int(month[5:7]) - 1]} {month[:4]}"


def number(value: float, lang: str) -> str:
    """Thousands grouped: 15,500,000 (en) / 15 500 000 (ru)."""
    text = f"{round(value):,}"
    return text.replace(",", "\u00a0") if lang == "ru" else text


def ratio(value: float | None, lang: str) -> str:
    if value is None:
        return "—"
    shown = f"{value:.1f}".replace(".", "," if lang == "ru" else ".")
    return PHRASES[lang]["times"].format(x=shown)


def label(key: str, lang: str) -> str:
    """A readable name for a figure key such as ``ytd.legal.civil.honour``."""
    if key.startswith("security."):
        from reports.security import label as security_label

        return security_label(key, lang)
    words = LABELS[lang]
    prefixes = (
        ("prev_month.category.", "prev_month"),
        ("month.category.", "month"),
        ("month.legal.", "month"),
        ("ytd.legal.", "ytd_prefix"),
        ("prev_ytd.", "prev_ytd_prefix"),
        ("month.", "month"),
        ("ytd.", "ytd_prefix"),
        ("amounts.", None),
        ("digital.", None),
    )
    for prefix, when in prefixes:
        if key.startswith(prefix):
            rest = key[len(prefix) :]
            name = words.get(rest) or (
                month_name(rest, lang) + ": " + words["digital"] if rest[:2] == "20" else rest
            )
            return f"{name} ({words[when]})" if when else name
    return key
