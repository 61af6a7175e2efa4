"""The fictional stories of the demo review archive (people and outlets invented for the project).

Some carry hostile payloads in title, text and outlet; ``HOSTILE_PAGE`` is a stored raw page of
hostile HTML.
"""

from typing import Any

SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(1)>"
HOSTILE_PAGE = (
    b"<html><head><script>window.pwned=1;alert('page')</script></head><body "
    b'onload="alert(\'load\')"><h1>Detained reporter</h1><p onclick="alert(2)">Text of the '
    b'article.</p><img src=x onerror="alert(3)"><iframe src="javascript:alert(4)"></iframe>'
    b'<a href="javascript:alert(5)">link</a></body></html>'
)

# (key, category, confidence, lang, outlet, date, title, text, people, refs, amounts, extra)
STORIES: list[tuple[Any, ...]] = [
    (
        "attack-satpayeva",
        "rights.attack",
        0.94,
        "ru",
        "Дала Хабар",
        "2026-11-03",
        "В Алматы напали на журналиста «Дала Хабар»",
        "Вечером 2 ноября в Алматы неизвестные напали на журналиста Айгерим Сатпаеву. "
        "Она снимала сюжет о сносе домов. Полиция возбудила дело по статье 158 УК.",
        [("Айгерим Сатпаеву", "Айгерим Сатпаева", "journalist")],
        [("статье 158 УК", "CC", "158", None)],
        [],
        {"place": "Алматы", "perpetrator": "unknown", "case_status": "investigation"},
    ),
    (
        "fine-esimov",
        "legal.administrative",
        0.91,
        "ru",
        "Степной вестник",
        "2026-11-05",
        "Редактора оштрафовали по статье 456-2 КоАП",
        "Суд Астаны оштрафовал редактора «Степного вестника» Нурлана Есимова на 30 МРП. "
        "Основанием стала часть 3 статьи 456-2 КоАП о распространении ложной информации.",
        [("Нурлана Есимова", "Нурлан Есимов", "editor")],
        [("часть 3 статьи 456-2 КоАП", "CAO", "456-2", "3")],
        [("30 МРП", 30, "MCI", 110760, "fine")],
        {"place": "Астана", "perpetrator": "state:court", "case_status": "decision"},
    ),
    (
        "lawsuit-zhumabekova",
        "legal.civil",
        0.88,
        "kk",
        "Жаңа Өлке",
        "2026-11-07",
        "Тілшіге қарсы ар-намыс туралы талап арыз",
        "Шымкент қалалық соты «Жаңа Өлке» тілшісі Дана Жұмабековаға қарсы талап арызды қабылдады. "
        "Талапкер 50 000 000 теңге өтемақы сұрап отыр.",
        [("Дана Жұмабековаға", "Дана Жұмабекова", "journalist")],
        [],
        [("50 000 000 теңге", 50_000_000, "KZT", 50_000_000, "claimed")],
        {"place": "Шымкент", "perpetrator": "non-state", "case_status": "court"},
    ),
    (
        "ddos-qala",
        "access.cyberattack",
        0.86,
        "en",
        "Qala Times",
        "2026-11-08",
        "Qala Times hit by DDoS attack after corruption story",
        "The website of Qala Times was offline for six hours after a DDoS attack. "
        "Editor Marat Ospanov said the attack began minutes after the corruption story went live.",
        [("Marat Ospanov", "Marat Ospanov", "editor")],
        [],
        [],
        {"place": "Karaganda", "perpetrator": "unknown", "case_status": "reported"},
    ),
    (
        "detention-hostile",
        "rights.detention",
        0.83,
        "ru",
        f"{ONERROR}Медиа",
        "2026-11-09",
        f"{SCRIPT} Задержан оператор в Караганде",
        f"В Караганде полиция задержала оператора Ерлана Касымова {ONERROR} во время съёмки митинга. "
        f"Его отпустили через три часа {SCRIPT} без составления протокола.",
        [("Ерлана Касымова", "Ерлан Касымов", "camera_operator")],
        [],
        [],
        {"place": "Караганда", "perpetrator": "state:police", "case_status": "reported"},
    ),
    (
        "refusal-olke",
        "access.refusal",
        0.74,
        "kk",
        "Жаңа Өлке",
        "2026-11-10",
        "Әкімдік журналиске ақпарат беруден бас тартты",
        "Тараз қаласының әкімдігі «Жаңа Өлке» журналисі Әсел Нұрғалиеваға бюджет туралы "
        "ақпарат беруден бас тартты. Сұраныс бір ай бұрын жіберілген.",
        [("Әсел Нұрғалиеваға", "Әсел Нұрғалиева", "journalist")],
        [],
        [],
        {"place": "Тараз", "perpetrator": "state:official", "case_status": "reported"},
    ),
    (
        "threat-dala",
        "rights.threat",
        0.71,
        "ru",
        "Дала Хабар",
        "2026-11-11",
        "Блогеру угрожают после публикации",
        "Блогер Тимур Абенов сообщил, что после публикации о застройке парка ему пишут угрозы. "
        "Он обратился в полицию Алматы.",
        [("Тимур Абенов", "Тимур Абенов", "blogger")],
        [],
        [],
        {"place": "Алматы", "perpetrator": "unknown", "case_status": "reported"},
    ),
    (
        "summons-ospanov",
        "rights.summons",
        0.66,
        "en",
        "Qala Times",
        "2026-11-12",
        "Qala Times editor summoned by prosecutors",
        "Prosecutors in Karaganda summoned Qala Times editor Marat Ospanov for questioning "
        "about his sources for the corruption story.",
        [("Marat Ospanov", "Marat Ospanov", "editor")],
        [],
        [],
        {"place": "Karaganda", "perpetrator": "state:prosecutor", "case_status": "reported"},
    ),
    (
        "blocking-altyn",
        "access.blocking",
        0.62,
        "ru",
        "Altyn Media",
        "2026-11-13",
        "Сайт Altyn Media заблокирован",
        "Сайт Altyn Media недоступен без VPN с 12 ноября. Редакция получила уведомление "
        "от министерства о блокировке.",
        [],
        [],
        [],
        {"place": "Астана", "perpetrator": "state:regulator", "case_status": "reported"},
    ),
    (
        "court-kasymov",
        "legal.criminal",
        0.6,
        "ru",
        "Степной вестник",
        "2026-11-14",
        "Дело Ерлана Касымова передано в суд",
        "Уголовное дело против оператора Ерлана Касымова по статье 274 УК передано в суд. "
        "Первое заседание назначено на 20 ноября.",
        [("Ерлана Касымова", "Ерлан Касымов", "camera_operator")],
        [("статье 274 УК", "CC", "274", None)],
        [],
        {"place": "Караганда", "perpetrator": "state:prosecutor", "case_status": "court"},
    ),
    (
        "obstruction-kk",
        "rights.obstruction",
        0.57,
        "kk",
        "Жаңа Өлке",
        "2026-11-15",
        "Тілшіге сотқа кіруге тыйым салынды",
        "Ақтөбе облыстық сотының приставы тілші Бауыржан Серіковке сот залына кіруге рұқсат бермеді. "
        "Бұл ҚК-нің 158-бабын бұзу деп бағаланды.",
        [("Бауыржан Серіковке", "Бауыржан Серіков", "journalist")],
        [("158-бабын", "CC", "158", None)],
        [],
        {"place": "Ақтөбе", "perpetrator": "state:court", "case_status": "reported"},
    ),
    (
        "insult-en",
        "rights.insult",
        0.41,
        "en",
        "Steppe Courier",
        "2026-11-16",
        "Official calls reporter a liar on air",
        "A regional official called Steppe Courier reporter Zhanna Ibraeva a liar on a live broadcast "
        "and demanded the outlet retract her story.",
        [("Zhanna Ibraeva", "Zhanna Ibraeva", "journalist")],
        [],
        [],
        {"place": "Pavlodar", "perpetrator": "state:official", "case_status": "reported"},
    ),
]
SECOND_SOURCES = {  # an extra article for some stories, in another language
    "attack-satpayeva": (
        "en",
        "Qala Times",
        "2026-11-03",
        "Reporter attacked in Almaty",
        "Unknown assailants attacked Dala Khabar reporter Aigerim Satpayeva in Almaty "
        "while she was filming demolitions.",
    ),
    "fine-esimov": (
        "kk",
        "Жаңа Өлке",
        "2026-11-06",
        "Редакторға айыппұл салынды",
        "Астана соты «Степной вестник» редакторы Нұрлан Есімовке 30 АЕК айыппұл салды.",
    ),
}
PRIOR = {
    "arrest-kasymov": (
        "legal.criminal",
        "Возбуждено дело против оператора Ерлана Касымова",
        "2026-10-20",
        "Караганда",
    )
}
