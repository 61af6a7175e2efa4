"""Legal references whose code is not written beside the article (nlp/entities/legal_context.py)."""

from nlp.entities.legal import find_legal_refs


def keys(text: str) -> set[tuple[str, str, str | None]]:
    return {r.key() for r in find_legal_refs(text) if not r.named}


def test_statute_own_code_and_headings_take_the_code_of_the_statute() -> None:
    # a Code's text: headings never name the Code, "осы Кодекстің" points back to it; the Latin
    # "i" typed inside Cyrillic words ("бөлiгiне", "екiншi") must not hide the part
    text = (
        "434-бап. Ұсақ бұзақылық\n1. Қоғамдық орында тәртіп бұзу айыппұл салуға әкеп соғады.\n"
        "2. Осы баптың бірінші бөлігінде көзделген, осы Кодекстiң 50-бабының екiншi бөлiгiне "
        "сәйкес қамауға алу қолданылмайтын адамдар жасаған әрекеттер.\n"
        "434-7-бап. Спорттық іс-шараларда тәртіп бұзу\n1. Көрермендердің тәртіп бұзуы."
    )
    assert keys(text) == {("CAO", "434", None), ("CAO", "50", "2"), ("CAO", "434-7", None)}


def test_liability_named_before_an_article_without_code() -> None:
    text = (
        "Прокуратура екі тұрғынның әкімшілік жауапкершілікке тартылғанын хабарлады. Әлеуметтік "
        "желіде сауалнама жариялаған тұрғынға 99 баптың 2 тармағына сәйкес айыппұл салынды."
    )
    assert keys(text) == {("CAO", "99", None)}


def test_law_named_in_the_previous_sentence() -> None:
    text = (
        "Деректі тексеру «Бұқаралық ақпарат туралы» Қазақстан Республикасының Заңында "
        "бекітілген міндет. Сонымен қатар, заңнамада, атап айтқанда 31-бапта, жауапкершіліктен "
        "босату жағдайлары қарастырылған."
    )
    assert keys(text) == {("OTHER", "31", None)}


def test_a_treaty_paragraph_is_its_part_a_laws_paragraph_is_not() -> None:
    treaty = (
        "Халықаралық пактінің 19-бабының 2-тармағына сәйкес әркімнің пікір білдіруге құқығы бар."
    )
    law = "Сайлау туралы Заңның 28-бабының 9-тармағы бойынша үгіт тоқтатылады."
    assert keys(treaty) == {("OTHER", "19", "2")}
    assert keys(law) == {("OTHER", "28", None)}


def test_russian_own_code_reference() -> None:
    text = "Статья 434. Мелкое хулиганство\nС учётом статьи 58 настоящего Кодекса наказание смягчается."
    assert keys(text) == {("CAO", "434", None), ("CAO", "58", None)}


def test_no_code_no_liability_no_reference() -> None:
    assert keys("В докладе 12 статей, 3 статьи посвящены прессе. 5-бап туралы айтылмады.") == set()


def test_a_kazakh_count_of_articles_is_no_reference() -> None:
    # "changes to 12 articles" counts articles; the hyphenated ordinal names one
    counted = "Парламент Конституцияның 12 бабына 30 өзгеріс енгізуді ұсынды."
    named = "Парламент Конституцияның 12-бабына 3 өзгеріс енгізуді ұсынды."
    assert find_legal_refs(counted) == []
    assert [r.key() for r in find_legal_refs(named)] == [("CONST", "12", None)]
