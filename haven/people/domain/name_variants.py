"""Curated groups of given names that are the same name.

Two kinds of knowledge no spelling rule can supply live here:

* **translations** of one name between languages and scriptures: Yusuf, Joseph,
  Iosif and ዮሴፍ; Yahya, Yohannes, John and Ivan;
* **distinct names that look alike once vowels are gone**. Arabic script writes
  no short vowels, so محمد (Muhammad) and Mahmoud share the skeleton ``mhmd``,
  Hassan and Hussein ``hsn``, Amin and Amina ``amn``. Listing the spellings of
  each name lets a search tell them apart when the spelling is known, while an
  unlisted spelling with that skeleton still finds all of them.

Every spelling may be written in any script; it is normalised with the same
pipeline as a searched name, must yield exactly one token, and may belong to
more than one group when it is genuinely ambiguous (Latin "Salim" is سليم or
سالم). The table was compiled from common, public knowledge of naming
conventions; it names no person. It should be reviewed by native speakers of
Arabic, Tigrinya, Amharic, Somali, Dari, Pashto, Russian and Ukrainian.

Any change here changes search keys: bump ``KEY_SCHEME_VERSION`` in ``names.py``
so stored keys are recomputed.
"""

from __future__ import annotations

# The first names of compounds often written as one word, in Persian, Dari, Urdu
# and Maghrebi usage: Mohammadreza, Alireza, Gholamhossein, Fatimazahra.
COMPOUND_HEAD_GROUPS = ("muhammad", "ali", "amir", "ghulam", "hassan", "hussein", "fatima")

# canonical name -> spellings (any script)
VARIANT_GROUPS: dict[str, tuple[str, ...]] = {
    # --- translations between Arabic, Hebrew, Greek, Latin, Ge'ez and Slavic forms --------------
    "yusuf": (
        "Yusuf", "Youssef", "Yousef", "Yousif", "Yusef", "Yosef", "Youssouf", "Yussuf",
        "Jusuf", "Yusif", "Yousuf", "Yesuf", "Yosif", "Yoseph", "Yosief", "Joseph", "Josef",
        "José", "Giuseppe", "Iosif", "يوسف", "Юсуф", "Иосиф", "Йосип", "ዮሴፍ",
    ),
    "ibrahim": (
        "Ibrahim", "Ebrahim", "Ibraheem", "Brahim", "Ibrahima", "Abraham", "Avraham",
        "Ibragim", "Abrham", "Abreham", "إبراهيم", "Ибрагим", "Авраам", "አብርሃም",
    ),
    "musa": (
        "Musa", "Moussa", "Mousa", "Moosa", "Moses", "Moshe", "Mose", "Muse", "موسى",
        "Муса", "Моисей", "ሙሴ",
    ),
    "isa": ("Isa", "Issa", "Eisa", "Esa", "Jesus", "Iisus", "عيسى", "Иса", "Иисус"),
    "maryam": (
        "Maryam", "Mariam", "Meryem", "Meriem", "Maryan", "Mariama", "Mary", "Maria",
        "Marie", "Mariya", "Mariia", "Miriam", "Mirjam", "مريم", "Мария", "Марьям", "ማርያም",
    ),
    "yohannes": (
        "Yohannes", "Yohanes", "Johannes", "Iohannes", "Johan", "John", "Ivan", "Juan",
        "Jean", "Giovanni", "Ioannis", "Yuhanna", "Yahya", "Yehya", "Yahia", "يحيى", "يوحنا",
        "Иван", "Іван", "Иоанн", "ዮሐንስ",
    ),
    "dawit": (
        "Dawit", "David", "Davit", "Daoud", "Dawud", "Dawood", "Daud", "Davud", "داود",
        "Давид", "Давуд", "ዳዊት",
    ),
    "suleiman": (
        "Suleiman", "Sulaiman", "Sulayman", "Soliman", "Souleymane", "Suleyman", "Süleyman",
        "Sulejman", "Sleiman", "Slimane", "Solomon", "Salomon", "سليمان", "Сулейман",
        "Соломон", "ሰሎሞን",
    ),
    "yaqub": (
        "Yaqub", "Yakub", "Yacoub", "Yaakoub", "Yakoub", "Yaqoob", "Yagoub", "Jacob", "Jakob",
        "Jakub", "Yakov", "Iakov", "Yacob", "Yaekob", "Yakob", "Giacomo", "Jacques", "يعقوب",
        "Яков", "Якуб", "ያዕቆብ",
    ),
    "mikael": (
        "Mikael", "Michael", "Mikhail", "Mihail", "Michel", "Mikail", "Mikhael", "Mickael",
        "Mikel", "Michele", "Mykhailo", "ميخائيل", "Михаил", "Михайло", "ሚካኤል",
    ),
    "gabriel": (
        "Gabriel", "Gabriele", "Jibril", "Jebril", "Djibril", "Jabril", "Gavriil", "Gebriel",
        "جبريل", "Гавриил", "ገብርኤል",
    ),
    "ismail": (
        "Ismail", "Ismael", "Ismayil", "Smail", "Esmail", "Ishmael", "إسماعيل", "Исмаил",
    ),
    "ishaq": ("Ishaq", "Ishak", "Isaac", "Isak", "Izak", "إسحاق", "Исаак"),
    "ayub": ("Ayub", "Ayoub", "Ayyub", "Ayoob", "Eyup", "Job", "Iov", "أيوب", "Аюб"),
    "yunus": (
        "Yunus", "Younes", "Younis", "Yunis", "Younus", "Jonah", "Jonas", "Yona", "Iona",
        "Yonas", "يونس", "Юнус", "Иона",
    ),
    "harun": ("Harun", "Haroun", "Haroon", "Aaron", "Aron", "هارون", "Аарон"),
    "nuh": ("Nuh", "Nouh", "Nooh", "Noah", "Noe", "نوح", "Ной"),
    "ilyas": (
        "Ilyas", "Iliyas", "Ilias", "Elias", "Elyas", "Elijah", "Ilya", "Ilia", "إلياس",
        "Ильяс", "Илья",
    ),
    "zakariya": (
        "Zakaria", "Zakariya", "Zakariyya", "Zacharia", "Zechariah", "Zakari", "Zachary",
        "Zekeriya", "زكريا", "Захария", "Закария",
    ),
    "hawa": ("Hawa", "Hawwa", "Havva", "Eve", "Eva", "حواء", "Ева"),
    "aleksandr": (
        "Aleksandr", "Alexander", "Aleksander", "Alexandre", "Alejandro", "Alessandro",
        "Oleksandr", "Olexander", "Oleksander", "Iskander", "Iskandar", "Eskandar", "Skender",
        "Sikandar", "إسكندر", "Александр", "Олександр",
    ),
    "yuliya": (
        "Yuliya", "Yulia", "Yuliia", "Iuliia", "Julia", "Juliya", "Julija", "Юлия", "Юлія",
    ),
    # Russian and Ukrainian forms, and the ICAO, BGN and national romanisations:
    # Ukrainian г is h (Oleh), Russian г is g (Oleg).
    "yuri": ("Yuri", "Yuriy", "Yury", "Yurii", "Iurii", "Jurij", "Juri", "Юрий", "Юрій"),
    "oleg": ("Oleg", "Oleh", "Олег"),
    "olga": ("Olga", "Olha", "Ольга"),
    "sergei": (
        "Sergei", "Sergey", "Sergiy", "Sergii", "Serhiy", "Serhii", "Сергей", "Сергій",
    ),
    "nikolai": ("Nikolai", "Nikolay", "Mykola", "Mikola", "Николай", "Микола"),
    "andrei": ("Andrei", "Andrey", "Andriy", "Andrii", "Андрей", "Андрій"),
    "dmitri": ("Dmitri", "Dmitriy", "Dmitry", "Dmitrii", "Dmytro", "Дмитрий", "Дмитро"),
    "aleksei": (
        "Aleksei", "Alexei", "Alexey", "Aleksey", "Oleksii", "Oleksiy", "Алексей", "Олексій",
    ),
    "tatiana": ("Tatiana", "Tatyana", "Tetiana", "Tetyana", "Татьяна", "Тетяна"),
    "irina": ("Irina", "Iryna", "Ирина", "Ірина"),
    "elena": ("Elena", "Yelena", "Olena", "Елена", "Олена"),
    "natalia": ("Natalia", "Nataliya", "Natalya", "Nataliia", "Наталья", "Наталія"),
    # --- spellings of frequent names, kept apart from look-alikes --------------------------------
    # محمد / محمود: the same skeleton once vowels are gone.
    "muhammad": (
        "Muhammad", "Mohammed", "Mohamed", "Mohammad", "Muhamad", "Muhammed", "Mohamad",
        "Mouhamed", "Mouhammad", "Mohmed", "Muhamed", "Mehmet", "Mehmed", "Mukhammad",
        "Mukhammed", "Magomed", "Mahamat", "Mamadou", "Maxamed", "Mohd", "Muhd", "Md", "Mhd",
        "محمد", "Мухаммад", "Мухаммед", "Мохаммед", "Магомед", "মোহাম্মদ", "मोहम्मद", "ሙሐመድ",
    ),
    "mahmud": (
        "Mahmoud", "Mahmud", "Mahmood", "Mahmut", "Mahamoud", "Maxamuud", "محمود", "Махмуд",
        "মাহমুদ",
    ),
    # أحمد / حامد / حمد / حمدي
    "ahmad": (
        "Ahmad", "Ahmed", "Ahmet", "Ahmat", "Achmed", "Akhmed", "Ahmadou", "Amadou", "Axmed",
        "أحمد", "Ахмед", "Ахмад", "আহমেদ", "अहमद",
    ),
    "hamid": ("Hamid", "Hamed", "Hameed", "حامد", "حميد", "Хамид"),
    "hamad": ("Hamad", "Hammad", "حمد", "حماد"),
    "hamdi": ("Hamdi", "Hamdy", "حمدي"),
    # حسن / حسين
    "hassan": (
        "Hassan", "Hasan", "Hassen", "Hasen", "Hassane", "Xasan", "حسن", "Хасан", "Гасан",
        "হাসান",
    ),
    "hussein": (
        "Hussein", "Husain", "Hussain", "Husein", "Husayn", "Hossein", "Hosein", "Houssein",
        "Hüseyin", "Hussien", "Husen", "Hussen", "Hossain", "Hosen", "Xuseen", "حسين",
        "Хусейн", "Гусейн", "হোসেন",
    ),
    # علي / عالية / علاء
    "ali": ("Ali", "Aly", "Alee", "علي", "Али", "আলী", "अली"),
    "aliya": (
        "Aliya", "Alia", "Aliyah", "Aaliyah", "Aliyya", "Alya", "عالية", "علياء", "Алия",
    ),
    "alaa": ("Alaa", "Ala'a", "علاء", "آلاء"),
    # عمر / أمير / عامر / أميرة / عمرو
    "umar": ("Omar", "Umar", "Omer", "Oumar", "عمر", "Умар", "Омар"),
    "amir": ("Amir", "Ameer", "Emir", "أمير", "Амир"),
    "amer": ("Amer", "Aamer", "Aamir", "عامر"),
    "amira": ("Amira", "Ameera", "Amirah", "أميرة", "Амира"),
    "amr": ("Amr", "Amro", "Amru", "عمرو"),
    # سعيد / سعد / سيد
    "said": ("Said", "Saeed", "Saied", "Saïd", "Sa'id", "Saeid", "سعيد", "Саид"),
    "saad": ("Saad", "Sa'ad", "Saâd", "سعد", "Саад"),
    "sayyid": (
        "Sayyid", "Sayed", "Sayyed", "Sayid", "Seyed", "Seyyed", "Syed", "Seyit", "سيد",
    ),
    # أمين / أمينة / أيمن
    "amin": ("Amin", "Amine", "Ameen", "Emin", "Lamine", "أمين", "Амин"),
    "amina": ("Amina", "Aminah", "Ameena", "Emine", "Aminata", "Aminatou", "أمينة", "Амина"),
    "ayman": ("Ayman", "Aiman", "Aymen", "Eymen", "أيمن"),
    # جمال / جميل / جميلة, كريم / كريمة, رحيم / رحيمة / رحمة
    "jamal": ("Jamal", "Gamal", "Djamel", "Jamel", "جمال", "Джамал"),
    "jamil": ("Jamil", "Gamil", "Jameel", "Djamil", "جميل"),
    "jamila": ("Jamila", "Jamilah", "Gamila", "Djamila", "Jameela", "جميلة"),
    "karim": ("Karim", "Kareem", "Kerim", "كريم", "Карим"),
    "karima": ("Karima", "Kareema", "Karimah", "كريمة"),
    "rahim": ("Rahim", "Raheem", "رحيم", "রহিম", "Рахим"),
    "rahima": ("Rahima", "Raheema", "رحيمة"),
    "rahma": ("Rahma", "Rahmah", "رحمة"),
    # سليم / سالم / سلمى
    "salim": ("Salim", "Saleem", "Selim", "سليم", "Салим"),
    "salem": ("Salem", "Salim", "Saalim", "سالم"),
    "salma": ("Salma", "Selma", "سلمى"),
    # أسامة / أسماء
    "usama": ("Usama", "Osama", "Ousama", "Oussama", "أسامة"),
    "asma": ("Asma", "Asmaa", "Esma", "أسماء"),
    # --- other frequent names with many spellings ------------------------------------------------
    "abdullah": (
        "Abdullah", "Abdallah", "Abdulla", "Abdellah", "Abdalla", "Abdoulaye", "Abdollah",
        "Abdullahi", "Cabdullaahi", "عبدالله", "Абдулла",
    ),
    "uthman": (
        "Uthman", "Othman", "Osman", "Usman", "Ousmane", "Othmane", "عثمان", "Усман", "Осман",
    ),
    "mustafa": (
        "Mustafa", "Mostafa", "Moustafa", "Mustapha", "Mostapha", "Mustafe", "Mustefa",
        "مصطفى", "Мустафа",
    ),
    "khalid": ("Khalid", "Khaled", "Halid", "Xaalid", "خالد", "Халид"),
    "fatima": (
        "Fatima", "Fatma", "Fatimah", "Fatemeh", "Fatme", "Fatouma", "Fatuma", "Fadumo",
        "Fatoumata", "فاطمة", "Фатима",
    ),
    "aisha": (
        "Aisha", "Aicha", "Ayesha", "Aysha", "Ayşe", "Aishah", "Ayisha", "Caasha", "عائشة",
        "Аиша", "Айша",
    ),
    "zainab": (
        "Zainab", "Zeinab", "Zaynab", "Zenab", "Zineb", "Zeynep", "Zaineb", "زينب", "Зайнаб",
    ),
    "zahra": ("Zahra", "Zahraa", "Zehra", "Zohra", "Zuhra", "زهراء", "زهرة"),
    "abubakr": (
        "Abubakr", "Abu Bakr", "Abubakar", "Aboubakar", "Aboubacar", "Boubacar", "Abu Bakar",
        "أبو بكر", "Абубакар",
    ),
    # The second names of Persian and Afghan compounds (Alireza, Gholamreza).
    "reza": ("Reza", "Rida", "Ridha", "Reda", "Redha", "رضا", "Риза"),
    "ghulam": ("Ghulam", "Gholam", "Golam", "Gulam", "غلام"),
    "khadija": ("Khadija", "Khadidja", "Khadijah", "Kadija", "Khadiga", "Hadiza", "خديجة"),
}  # fmt: skip
