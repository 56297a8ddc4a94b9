"""Name pools by naming tradition: the name in its own script and the Latin
spellings different agencies commonly use for it.

Each entry is (original, (transliterations…)). Transliterations vary by
convention (French- or English-based, ISO 9, UN or BGN/PCGN), which is
exactly what search-before-create and tracing must see through.
"""

from __future__ import annotations

from dataclasses import dataclass

Name = tuple[str, tuple[str, ...]]


@dataclass(frozen=True)
class Tradition:
    script: str  # ISO 15924
    nationalities: tuple[str, ...]
    given_female: tuple[Name, ...]
    given_male: tuple[Name, ...]
    family: tuple[Name, ...]
    # "patronymic": given + father's + grandfather's names (Arabic, Ethiopic
    # and Eritrean usage); "family": given + family name.
    structure: str


ARABIC = Tradition(
    script="Arab",
    nationalities=("SD", "SY", "EG", "IQ", "LY", "YE"),
    given_female=(
        ("فاطمة", ("Fatima", "Fatma", "Fatimah")),
        ("مريم", ("Maryam", "Mariam", "Meriem")),
        ("عائشة", ("Aisha", "Aicha", "Ayesha")),
        ("زينب", ("Zainab", "Zeinab", "Zaynab")),
        ("نور", ("Nour", "Noor", "Nur")),
        ("سارة", ("Sara", "Sarah")),
        ("آمنة", ("Amina", "Aminah", "Amna")),
        ("ليلى", ("Layla", "Leila", "Laila")),
        ("هدى", ("Huda", "Houda", "Hoda")),
        ("رحمة", ("Rahma", "Rahmah")),
    ),
    given_male=(
        ("محمد", ("Mohamed", "Muhammad", "Mohammed", "Mohammad")),
        ("أحمد", ("Ahmed", "Ahmad")),
        ("علي", ("Ali",)),
        ("عمر", ("Omar", "Umar")),
        ("يوسف", ("Youssef", "Yusuf", "Yousef")),
        ("إبراهيم", ("Ibrahim", "Ebrahim")),
        ("خالد", ("Khaled", "Khalid")),
        ("حسن", ("Hassan", "Hasan")),
        ("حسين", ("Hussein", "Husain", "Hussain")),
        ("مصطفى", ("Mustafa", "Moustafa", "Mostafa")),
        ("عبد الله", ("Abdullah", "Abdallah", "Abd Allah")),
        ("عبد الرحمن", ("Abdelrahman", "Abdulrahman", "Abd al-Rahman")),
        ("محمود", ("Mahmoud", "Mahmud")),
        ("عثمان", ("Osman", "Othman", "Uthman")),
        ("آدم", ("Adam", "Adem")),
        ("صالح", ("Salih", "Saleh")),
        ("إدريس", ("Idris", "Edris")),
    ),
    family=(),
    structure="patronymic",
)

ETHIOPIC = Tradition(
    script="Ethi",
    nationalities=("ER", "ET"),
    given_female=(
        ("ሰላም", ("Selam", "Salam")),
        ("ሉላ", ("Lula",)),
        ("ሳባ", ("Saba",)),
        ("ምሕረት", ("Mehret", "Mihret", "Meheret")),
        ("ሄለን", ("Helen", "Hellen")),
        ("ትርሓስ", ("Tirhas", "Terhas")),
        ("ኤልሳ", ("Elsa",)),
        ("ፀጋ", ("Tsega", "Sega")),
    ),
    given_male=(
        ("ተስፋይ", ("Tesfay", "Tesfaye", "Tesfai")),
        ("ገብረማርያም", ("Gebremariam", "Gebre Mariam", "Ghebremariam")),
        ("ዮሃንስ", ("Yohannes", "Yohanes", "Johannes")),
        ("ሃይለ", ("Haile", "Hayle")),
        ("ብርሃነ", ("Berhane", "Birhane", "Brhane")),
        ("ኣማኑኤል", ("Amanuel", "Emmanuel")),
        ("ፍስሃ", ("Fisseha", "Fiseha", "Fesseha")),
        ("ግርማይ", ("Girmay", "Germay", "Ghirmay")),
        ("ተኽለ", ("Tekle", "Teklay")),
        ("ኪዳነ", ("Kidane", "Kidan")),
        ("ዳዊት", ("Dawit", "Dawitt")),
        ("መብራህቱ", ("Mebrahtu", "Mebrahtom")),
    ),
    family=(),
    structure="patronymic",
)

UKRAINIAN = Tradition(
    script="Cyrl",
    nationalities=("UA",),
    given_female=(
        ("Ольга", ("Olha", "Olga")),
        ("Наталія", ("Nataliia", "Natalia", "Natalya")),
        ("Ірина", ("Iryna", "Irina")),
        ("Марія", ("Mariia", "Maria", "Mariya")),
        ("Оксана", ("Oksana",)),
        ("Юлія", ("Yuliia", "Yulia", "Iuliia")),
    ),
    given_male=(
        ("Юрій", ("Yurii", "Yuriy", "Iurii", "Yury")),
        ("Олександр", ("Oleksandr", "Olexandr", "Aleksandr")),
        ("Сергій", ("Serhii", "Sergiy", "Serhiy")),
        ("Андрій", ("Andrii", "Andriy", "Andrey")),
        ("Дмитро", ("Dmytro", "Dmitro")),
        ("Віктор", ("Viktor", "Victor")),
    ),
    family=(
        ("Шевченко", ("Shevchenko", "Chevtchenko")),
        ("Коваленко", ("Kovalenko",)),
        ("Бондаренко", ("Bondarenko",)),
        ("Ткаченко", ("Tkachenko", "Tkatchenko")),
        ("Кравченко", ("Kravchenko",)),
        ("Мельник", ("Melnyk", "Melnik")),
        ("Іваненко", ("Ivanenko",)),
        ("Поліщук", ("Polishchuk", "Polischuk")),
    ),
    structure="family",
)

NEPALI = Tradition(
    script="Deva",
    nationalities=("NP",),
    given_female=(
        ("सुनीता", ("Sunita", "Suneeta")),
        ("गीता", ("Gita", "Geeta")),
        ("सरिता", ("Sarita",)),
        ("मन्जु", ("Manju",)),
    ),
    given_male=(
        ("राजेश", ("Rajesh",)),
        ("बिकाश", ("Bikash", "Bikas", "Bikaash")),
        ("सन्तोष", ("Santosh", "Santos")),
        ("राम", ("Ram", "Raam")),
        ("दीपक", ("Dipak", "Deepak")),
    ),
    family=(
        ("थापा", ("Thapa",)),
        ("गुरुङ", ("Gurung",)),
        ("श्रेष्ठ", ("Shrestha", "Shreshtha")),
        ("तामाङ", ("Tamang",)),
        ("राई", ("Rai",)),
    ),
    structure="family",
)

BENGALI = Tradition(
    script="Beng",
    nationalities=("BD",),
    given_female=(
        ("ফাতেমা", ("Fatema", "Fatima")),
        ("নাসরিন", ("Nasrin", "Nasreen")),
        ("রুমা", ("Ruma",)),
        ("শাহনাজ", ("Shahnaz", "Sahnaj")),
    ),
    given_male=(
        ("রহিম", ("Rahim", "Raheem")),
        ("করিম", ("Karim", "Kareem")),
        ("সুমন", ("Suman", "Shumon")),
        ("আব্দুল", ("Abdul", "Abdool")),
        ("জাহিদ", ("Zahid", "Jahid")),
    ),
    family=(
        ("হোসেন", ("Hossain", "Hussain", "Hosen")),
        ("ইসলাম", ("Islam",)),
        ("আক্তার", ("Akter", "Akhtar", "Aktar")),
        ("মিয়া", ("Mia", "Miah", "Miya")),
        ("রহমান", ("Rahman", "Rohman")),
    ),
    structure="family",
)

DARI = Tradition(
    script="Arab",
    nationalities=("AF",),
    given_female=(
        ("ظریفه", ("Zarifa", "Zareefa")),
        ("مرضیه", ("Marzia", "Marziya")),
        ("شکیلا", ("Shakila", "Shakeela")),
    ),
    given_male=(
        ("حمیدالله", ("Hamidullah", "Hamid Ullah")),
        ("گل", ("Gul", "Gol")),
        ("نجیب", ("Najib", "Najeeb")),
        ("ذبیح الله", ("Zabihullah", "Zabiullah")),
    ),
    family=(
        ("نورزی", ("Noorzai", "Nurzai")),
        ("احمدزی", ("Ahmadzai", "Ahmadzay")),
        ("حیدری", ("Haidari", "Heydari")),
        ("رحیمی", ("Rahimi", "Raheemi")),
    ),
    structure="family",
)

LATIN = Tradition(
    script="Latn",
    nationalities=("NG", "PH", "CO", "VE"),
    given_female=(
        ("Ngozi", ()),
        ("Chiamaka", ()),
        ("María José", ("Maria Jose",)),
        ("Rosario", ()),
        ("Joy", ()),
    ),
    given_male=(
        ("Chinedu", ()),
        ("Adebayo", ()),
        ("José Luis", ("Jose Luis",)),
        ("Carlos", ()),
        ("Emmanuel", ()),
    ),
    family=(
        ("Okafor", ()),
        ("Adeyemi", ()),
        ("Reyes", ()),
        ("Santos", ()),
        ("García", ("Garcia",)),
        ("Mendoza", ()),
    ),
    structure="family",
)

TRADITIONS = (ARABIC, ETHIOPIC, UKRAINIAN, NEPALI, BENGALI, DARI, LATIN)
