"""Name pools for the linkage benchmark generator, by naming tradition.

Entries are written once and rendered by ``translit``:

* Arabic / Dari, Ge'ez and Indic names in a phonemic notation (see
  ``translit``), from which the original script and every agency's Latin
  spellings are derived. Optional ``= native`` overrides the derived script
  (where the written form is irregular) and ``; A, B`` adds spellings that are
  common in practice but not derivable (``Yohannes``, ``Md``).
* Cyrillic names in Cyrillic; Latin names in their accented Latin form.

Lists are ordered roughly by frequency; the generator draws with Zipf-like
weights, so the first names recur (namesakes are part of the difficulty).
Names only: these pools are spelling material, not data about any person.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    phon: str  # phonemic form, or the name itself for Cyrillic / Latin
    native: str | None = None  # original-script override
    extras: tuple[str, ...] = ()  # hand-known Latin spellings


def parse(lines: str) -> tuple[Entry, ...]:
    out = []
    for raw in lines.strip().splitlines():
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        extras: tuple[str, ...] = ()
        if ";" in raw:
            raw, ex = raw.split(";", 1)
            extras = tuple(x.strip() for x in ex.split(",") if x.strip())
        native = None
        if "=" in raw:
            raw, native = raw.split("=", 1)
            native = native.strip()
        out.append(Entry(raw.strip(), native, extras))
    return tuple(out)


# ============================================================================ Arabic
# Phonemic: H=ḥ, kh, sh, th, dh, gh, S D T Z emphatic, 3=ʿayn, '=hamza, aa/ii/uu long,
# @=tā' marbūṭa, A=alif maqṣūra, al- article.

ARABIC_MALE = parse("""
muHammad ; Mohamed, Mohammed, Muhammed
aHmad ; Ahmed
3alii ; Ali, Aly
maHmuud
3umar
3uthmaan
ibraahiim
yuusuf ; Youssef, Yousef, Yousif
Hasan ; Hassan, Hasan
Husayn ; Hussein, Hussain
khaalid
muSTafA
3abd al-laah ; Abdallah, Abdalla
3abd al-raHmaan = عبد الرحمن ; Abdirahman, Abdurrahman, Abderrahmane
aadam ; Adam, Adam, Adem
SaaliH ; Salih, Saleh
idriis
ismaa3iil ; Ismail, Ismael
yaHyA ; Yahya, Yehia
muusA ; Musa, Moussa
3iisA ; Issa, Isa
sulaymaan ; Suleiman, Sliman, Soliman
daawuud = داود ; Dawood, Daoud
haaruun ; Haroun, Harun
ya3quub ; Yagoub, Yacoub
isHaaq ; Ishag, Ishak
ilyaas
ayyuub ; Ayoub, Ayub
yuunus ; Younis, Yunus
jamaal
kamaal
Taariq ; Tarek, Tareq
samiir
khaliil
jaabir
naaSir ; Nasser
manSuur ; Mansour
faySal
waliid
sa3iid ; Said, Saeed
majiid
Hamiid
rashiid
3aadil ; Adel
kariim ; Karim
Haamid
maajid
anwar
ashraf
haanii ; Hany, Hani
waa'il ; Wael
3amr ; Amr
shariif ; Sherif
mu3aadh ; Moaz, Muath
3ammaar ; Ammar
bilaal
Hamz@ ; Hamza
3abbaas ; Abbas
Haydar ; Haider
jaasim ; Jassim, Jasem
kaaZim ; Kadhim, Kazem
3aqiil ; Aqeel
mahdii ; Mahdi
murtaDA ; Murtada, Mortada
Saadiq ; Sadiq, Sadek
Taahaa = طه ; Taha
saalim ; Salem
faraj
miiluud ; Miloud
3abd al-salaam = عبد السلام ; Abdelsalam, Abdessalam
khaliif@ ; Khalifa
mabruuk
ramaDaan ; Ramadan
HaafiZ ; Hafez
nuur al-diin ; Nureddin, Nooruddin
3izz al-diin ; Ezzeldin, Izzeddine
badr al-diin ; Badreddine
jalaal
fatH al-raHmaan = فتح الرحمن ; Fathelrahman
al-faatiH ; Elfatih, Alfatih
al-Tayyib ; Eltayeb, Al-Tayeb
al-Saadiq ; Elsadig
al-nuur ; Elnour, Alnour
baabikir ; Babiker, Babikir
al-haadii ; Elhadi
yaasir ; Yasser
ayman
usaam@ ; Osama, Usama
Hussaam ; Hossam
ziyaad ; Ziad
raamii ; Rami
bashshaar ; Bashar
firaas ; Feras
maahir ; Maher
naadir ; Nader
ghassaan
3imaad ; Emad, Imad
Diyaa' ; Diaa, Dia
ra'uuf ; Raouf, Rauf
3aaTif ; Atef
3iSaam ; Essam, Issam
Safwaan
qaasim ; Gasim, Kassem
3abd al-majiid ; Abdelmajid
3abd al-laTiif ; Abdellatif
3abd al-wahhaab ; Abdelwahab
3abd al-jaliil ; Abdeljalil
3abd al-qaadir ; Abdelgadir, Abdelkader, Abdulkadir
3abd al-3aziiz ; Abdelaziz, Abdulaziz
3abd al-kariim ; Abdelkarim, Abdulkarim
3abd al-naaSir ; Abdelnasir
3abd al-Haliim ; Abdelhalim
3abd al-mun3im ; Abdelmoneim
ibraahiim al-khaliil ; Ibrahim Khalil
mu'min ; Moamen
hishaam ; Hisham, Hicham
3alaa' al-diin ; Alaeddin, Alaa Eldin
jibriil ; Gibril, Jibril
nuuH ; Nouh
zakariyyaa ; Zakaria
Sadiiq ; Siddig
al-Saafii ; Elsafi
taaj al-sirr ; Tagelsir, Tajelsir
3awaD ; Awad
""")

ARABIC_FEMALE = parse("""
faaTim@ ; Fatima, Fatma, Fatouma
maryam ; Mariam, Meriem
3aa'ish@ ; Aisha, Aicha, Aysha
zaynab ; Zainab, Zeinab
nuur ; Nour, Noor
saar@ ; Sara, Sarah
aamin@ ; Amina, Amna
laylA ; Layla, Leila
hudA ; Huda, Hoda
raHm@ ; Rahma
khadiij@ ; Khadija, Khadidja
salmA ; Salma
asmaa' ; Asma
Haliim@ ; Halima
naadiy@ ; Nadia
samiir@ ; Samira
jamiil@ ; Jamila
rashaa ; Rasha
ranaa ; Rana
DuHA ; Doha, Duha
3abiir ; Abeer, Abir
manaal
amaal ; Amal
iimaan ; Iman, Eman
wafaa' ; Wafa
hib@ ; Heba, Hiba
rahaf
lamyaa' ; Lamia
ghaad@ ; Ghada
Safaa' ; Safa
Hanaan ; Hanan
suhaa ; Suha
sihaam ; Siham
najlaa' ; Najla
3afaaf ; Afaf
nawaal ; Nawal
ibtisaam ; Ibtisam
Hawwaa' ; Hawa, Hawaa
3azz@ ; Azza
ikhlaaS ; Ikhlas
sumayy@ ; Sumaya, Somaya
ruqayy@ ; Ruqaya, Rokaya
nafiis@ ; Nafisa
3aziiz@ ; Aziza
bushrA ; Bushra
lubnA ; Lubna
dunyaa ; Donia
maysaa' ; Maysa
shaymaa' ; Shaimaa, Chaima
yusrA ; Yousra, Yusra
SabaaH ; Sabah
nisriin ; Nesrine, Nisreen
iqbaal ; Igbal
makkiy@ ; Makkia
umm al-Husayn = أم الحسين ; Umelhussein
sittinaa ; Sittana
""")

# Family and tribal names (Syria, Iraq, Libya, Egypt; also used as 4th names in Sudan).
ARABIC_FAMILY = parse("""
al-Hasan ; Al-Hassan, Alhassan
al-aHmad ; Al-Ahmad, Alahmad
al-3alii ; Al-Ali, Alali
Haddaad ; Haddad
khuurii ; Khoury, Khouri
darwiish ; Darwish
naaSir ; Nasser
al-shaykh ; Al-Sheikh, Elsheikh
al-Halabii ; Halabi
qabbaanii ; Kabbani
al-3ubaydii ; Al-Obaidi, Alobaidi
al-tamiimii ; Al-Tamimi
al-juburii ; Al-Jubouri, Aljuboori
al-dulaymii ; Al-Dulaimi
al-shammarii ; Al-Shammari
al-zubaydii ; Al-Zubaidi
al-warfallii ; Warfalli
al-miSraatii ; Misrati
al-zintaanii ; Zintani
kurdii ; Kurdi
al-khaTiib ; Al-Khatib, Elkhatib
al-najjaar ; Al-Najjar, Elnaggar
al-Sabbaagh ; Sabbagh
al-3aTTaar ; Attar
Hijaazii ; Hegazy, Hijazi
al-sayyid ; Elsayed, Al-Sayed
3abd al-laah ; Abdallah
al-mubaarak ; Elmubarak
al-jaazii ; Eljazi
al-raashid ; Al-Rashid
al-maSrii ; Elmasry, Al-Masri
al-bakkaar ; Bakkar
shaahiin ; Shahin, Chahine
3uthmaan ; Osman
manSuur ; Mansour
al-zahraanii ; Zahrani
al-kubaysii ; Kubaisi
al-Hammaadii ; Hammadi
3abd al-Hamiid ; Abdelhamid
al-nuuba ; Elnuba
""")

# ============================================================================ Dari / Pashto
DARI_MALE = parse("""
muHammad ; Mohammad, Mohammed, Muhammad
aHmad
gul ; Gul, Gol
Hamiid al-laah = حمیدالله ; Hamidullah, Hamid Ullah
dhabiiH al-laah = ذبیح‌الله ; Zabihullah, Zabiullah
najiib al-laah = نجیب‌الله ; Najibullah
3aTaa' al-laah = عطاءالله ; Ataullah, Atta Ullah
raHmat al-laah = رحمت‌الله ; Rahmatullah
3inaayat al-laah = عنایت‌الله ; Inayatullah
Habiib al-laah = حبیب‌الله ; Habibullah
sayf al-laah = سیف‌الله ; Saifullah, Sayfullah
3iSmat al-laah = عصمت‌الله ; Esmatullah, Ismatullah
najiib ; Najib
waliid ; Walid
walii ; Wali
naSiir ; Nasir, Naseer
farhaad ; Farhad
jaawiid ; Jawid, Javid, Jawed
maHmuud
3aziiz ; Aziz
kariim
qaadir ; Qadir, Kadir
rashiid
shafiiq ; Shafiq
Haamid ; Hamid
mujiib ; Mujib
samiim ; Samim
parwiiz ; Parwiz, Parviz
3alii ; Ali
Hasan
Husayn ; Hussain, Hussaini
sayyid ; Sayed, Said
nuur ; Noor, Nur
zalmay ; Zalmai
khaan muHammad ; Khan Mohammad
shiir aHmad ; Sher Ahmad
gul aHmad ; Gul Ahmad
daawuud = داوود ; Dawood, Dawud
jamshiid ; Jamshid
miirways ; Mirwais
3abd al-Haq ; Abdul Haq
3abd al-rashiid ; Abdul Rashid
3abd al-wahaab ; Abdul Wahab
3abd al-kariim ; Abdul Karim
bilaal ; Bilal
ilyaas ; Ilyas
murtaDA ; Murtaza
Dyaa' al-Haqq ; Ziaulhaq
""")

DARI_FEMALE = parse("""
zariif@ ; Zarifa
marDiyy@ ; Marzia, Marziya
shakiil@ ; Shakila
faaTim@ ; Fatima
maryam ; Maryam
zahraa ; Zahra
gulaalay ; Gulalai
malaalay ; Malalai
naazaniin ; Nazanin
farzaan@ ; Farzana
parwiin ; Parwin, Parveen
thurayyaa ; Soraya
fariib@ ; Fariba
rukhsaar ; Rukhsar
Hamiid@ ; Hamida
laylaa ; Laila
sumayy@ ; Somaia
shabnam ; Shabnam
naahiid ; Nahid
mursal ; Mursal
frisht@ ; Freshta, Fereshta
ruuyaa ; Roya
khaaTir@ ; Khatera
zarmiin@ ; Zarmina
Husnaa ; Husna
""")

DARI_FAMILY = parse("""
aHmadzay ; Ahmadzai
nuurzay ; Noorzai, Nurzai
pupalzay ; Popalzai
baarakzay ; Barakzai
muHammadzay ; Mohammadzai
yuusufzay ; Yousafzai
kaakar ; Kakar
Saafii ; Safi
shinwaarii ; Shinwari
waziirii ; Waziri
Haydarii ; Haidari, Heydari
raHiimii ; Rahimi
kariimii ; Karimi
aHmadii ; Ahmadi
Husaynii ; Hussaini, Hosseini
muHammadii ; Mohammadi
ja3farii ; Jafari
naaSirii ; Nasiri
3aZiimii ; Azimi
Sadiiqii ; Sediqi, Siddiqi
amiirii ; Amiri
Hakiimii ; Hakimi
niyaazii ; Niazi
staanikzay ; Stanikzai
sulaymaankhayl ; Sulemankhel
""")

# ==================================================================== Ge'ez (Tigrinya, Amharic)
# Phonemic: e = 1st order (ä), E = 5th order, consonant alone = 6th order, _ = epenthesis,
# + = compound. Male names double as father's and grandfather's names.

GEEZ_MALE = parse("""
tesfay ; Tesfai, Tesfaye
yohans ; Yohannes, Yohanes, Johannes
b_rhane ; Berhane, Birhane
gebre+medh_n ; Gebremedhin, Ghebremedhin
g_rmay ; Girmay, Ghirmay
tekhle ; Tekle, Teklay
kidane ; Kidane
dawit ; Dawit
mebrahtu ; Mebrahtu
habtom ; Habtom
mulugEta ; Mulugeta
tewelde ; Tewolde, Tewelde
yonas ; Yonas
samu'El ; Samuel
dani'El ; Daniel
filmon ; Filmon
robEl ; Robel
natna'El ; Natnael
abEl ; Abel
hEnok ; Henok
Efrem ; Efrem, Ephrem
merhawi ; Merhawi
meHari ; Mehari
tsegay ; Tsegai, Tsegaye
tesfaldet ; Tesfaldet
zer'ay ; Zerai
asmerom ; Asmerom
solomon ; Solomon
ab_rham ; Abraham
isayas ; Isaias
goytom ; Goitom
k_brom ; Kibrom
tEwodros ; Tewodros, Tedros
bereket ; Bereket
iyob ; Eyob
mika'El ; Michael
yemane ; Yemane
Ermyas ; Ermias
weldu ; Woldu
f_qhre ; Fikre
Hagos ; Hagos
negash ; Negash
kaHsay ; Kahsay
b_rhe ; Berhe
gebre+maryam ; Gebremariam
welde+mika'El ; Woldemichael, Weldemichael
hayle+maryam ; Hailemariam
hayle ; Haile
gebre+k_rstos ; Gebrekristos
habte+maryam ; Habtemariam
m_ng_stu ; Mengistu
gEtachew ; Getachew
tadese ; Tadesse
alemayehu ; Alemayehu
beqele ; Bekele
kebede ; Kebede
g_rma ; Girma
abebe ; Abebe
dereje ; Dereje
yarEd ; Yared
b_nyam ; Biniam, Binyam
amanu'El ; Amanuel, Emmanuel
f_s_ha ; Fisseha, Fesseha
""")

GEEZ_FEMALE = parse("""
selam ; Selam
lula ; Lula
saba ; Saba
m_Hret ; Mehret, Mihret
hElen ; Helen
t_rHas ; Tirhas, Terhas
Elsa ; Elsa
tsega ; Tsega
senayt ; Senait
rahEl ; Rahel
yordanos ; Yordanos
H_ywet ; Hiwet, Hewet
fEven ; Feven
winta ; Winta
ruta ; Ruta
mEron ; Meron
f_reweyni ; Freweini, Frewoini
abeba ; Abeba
tseHay ; Tsehay
almaz ; Almaz
astEr ; Aster
meqdes ; Mekdes
bEtelHEm ; Betelhem, Bethlehem
hana ; Hanna
sara ; Sara
luwam ; Luwam
Eden ; Eden
semhar ; Semhar
n_g_sti ; Nigisti
q_sanet ; Kisanet
t_3_g_st ; Tigist
meseret ; Meseret
mulu ; Mulu
genet ; Genet
azEb ; Azeb
""")

# ============================================================================ Indic
# Bengali (Bangladesh); "Md" is how Bangladeshi documents abbreviate Mohammad.
BENGALI_MALE = parse("""
rahim ; Rahim
karim ; Karim
suman ; Shumon
jaahid ; Zahid
rafik ; Rafiq, Rafique
saakib ; Sakib
haasaan ; Hasan, Hassan
aanoyaar ; Anwar, Anowar
kaamaal ; Kamal
jamaal ; Jamal
saaiful ; Saiful, Shaiful
aarif ; Arif
mijaanur ; Mizanur
moshar.raf ; Mosharraf
aalam.gir ; Alamgir
shaah.jaahaan ; Shahjahan
rubel
sohel
shaamim ; Shamim
raaju ; Raju
liTon ; Liton
haabib ; Habib
naasir ; Nasir
jasim ; Jashim, Jasim
maah.mud ; Mahmud
aaminul ; Aminul
shariful ; Shariful
mostafijur ; Mostafizur
bipul
sujan
raajesh
aabdul ; Abdul
""")

BENGALI_FEMALE = parse("""
faatemaa ; Fatema, Fatima
naas.rin ; Nasrin
rumaa ; Ruma
shaah.naaj ; Shahnaz
taas.limaa ; Taslima
shirin ; Shirin
rehaanaa ; Rehana
mausumii ; Moushumi, Mousumi
sumaaiyaa ; Sumaiya
mariyam ; Moriom
aayeshaa ; Ayesha
nus.raat ; Nusrat
sal.maa ; Salma
jes.min ; Jesmin, Jasmine
ruk.saanaa ; Ruksana
shilpii ; Shilpi
mitu ; Mitu
shaar.min ; Sharmin
""")

BENGALI_FAMILY = parse("""
hosen ; Hossain, Hussain, Hossen
is.laam ; Islam
rah.maan ; Rahman
uddin ; Uddin
aah.med ; Ahmed
miyaa ; Mia, Miah
chaudhurii ; Chowdhury, Choudhury
sar.kaar ; Sarker, Sarkar
khaan ; Khan
bhuiyaa ; Bhuiyan, Bhuyan
mollaa ; Molla, Mollah
shik.daar ; Sikder, Shikder
daas ; Das
saahaa ; Saha
paal ; Pal
raay ; Roy
bishvaas ; Biswas
""")

BENGALI_FEMALE_SUFFIX = parse("""
aaktaar ; Akter, Akhter, Aktar
begam ; Begum
khaatun ; Khatun, Khatoon
""")

BENGALI_MD = Entry("muhaammad", None, ("Md", "Md.", "Mohammad", "Muhammad", "Mohammed", "Mohd"))

NEPALI_MALE = parse("""
raam ; Ram
bikaash ; Bikash, Bikas
santoSh ; Santosh
diipak ; Dipak, Deepak
suresh
ramesh
hari
gopaal ; Gopal
prakaash ; Prakash
binod
sanjay
saagar ; Sagar
sunil
anil
biShNu ; Bishnu
gaNesh ; Ganesh
dinesh
mahesh
naaraayaN ; Narayan
shyaam ; Shyam
raaju ; Raju
manoj
raajan ; Rajan
kiraN ; Kiran
dil
tek
raajesh ; Rajesh
""")

NEPALI_FEMALE = parse("""
sunitaa ; Sunita
giitaa ; Gita, Geeta
saritaa ; Sarita
manju ; Manju
sushiilaa ; Sushila
kamalaa ; Kamala
lakShmii ; Laxmi, Lakshmi
siitaa ; Sita
raadhaa ; Radha
sabitaa ; Sabita
anitaa ; Anita
bimalaa ; Bimala
puujaa ; Puja, Pooja
sapanaa ; Sapana
rekhaa ; Rekha
susmitaa ; Susmita
sRjanaa ; Srijana
nirmalaa ; Nirmala
paarbatii ; Parbati
durgaa ; Durga
jamunaa ; Jamuna
""")

NEPALI_MIDDLE_MALE = parse("""
bahaadur ; Bahadur
kumaar ; Kumar
prasaad ; Prasad
""")
NEPALI_MIDDLE_FEMALE = parse("""
kumaarii ; Kumari
maayaa ; Maya
devii ; Devi
""")

NEPALI_FAMILY = parse("""
thaapaa ; Thapa
gurung ; Gurung
shreShTha ; Shrestha
taamaang ; Tamang
raaii ; Rai
magar ; Magar
sharmaa ; Sharma
adhikaarii ; Adhikari
paudel ; Poudel, Paudyal
bhaTTaraaii ; Bhattarai
khaDkaa ; Khadka
kaarkii ; Karki
basnet ; Basnet
shaahii ; Shahi
laamaa ; Lama
limbu ; Limbu
koiraalaa ; Koirala
ghimire ; Ghimire
dahaal ; Dahal
bishvakarmaa ; Bishwokarma, BK
pariyaar ; Pariyar
tivaarii ; Tiwari
yaadav ; Yadav
chaudharii ; Chaudhary
""")

# ============================================================================ Cyrillic
# (Ukrainian name, Ukrainian patronymic m/f, Russian cognate index into RUSSIAN_MALE)
UKRAINIAN_MALE = (
    ("Олександр", "Олександрович", "Олександрівна", "Александр"),
    ("Сергій", "Сергійович", "Сергіївна", "Сергей"),
    ("Андрій", "Андрійович", "Андріївна", "Андрей"),
    ("Дмитро", "Дмитрович", "Дмитрівна", "Дмитрий"),
    ("Юрій", "Юрійович", "Юріївна", "Юрий"),
    ("Віктор", "Вікторович", "Вікторівна", "Виктор"),
    ("Іван", "Іванович", "Іванівна", "Иван"),
    ("Микола", "Миколайович", "Миколаївна", "Николай"),
    ("Володимир", "Володимирович", "Володимирівна", "Владимир"),
    ("Василь", "Васильович", "Василівна", "Василий"),
    ("Петро", "Петрович", "Петрівна", "Пётр"),
    ("Олег", "Олегович", "Олегівна", "Олег"),
    ("Максим", "Максимович", "Максимівна", "Максим"),
    ("Артем", "Артемович", "Артемівна", "Артём"),
    ("Богдан", "Богданович", "Богданівна", "Богдан"),
    ("Тарас", "Тарасович", "Тарасівна", "Тарас"),
    ("Євген", "Євгенович", "Євгенівна", "Евгений"),
    ("Ігор", "Ігорович", "Ігорівна", "Игорь"),
    ("Олексій", "Олексійович", "Олексіївна", "Алексей"),
    ("Михайло", "Михайлович", "Михайлівна", "Михаил"),
    ("Павло", "Павлович", "Павлівна", "Павел"),
    ("Роман", "Романович", "Романівна", "Роман"),
    ("Вадим", "Вадимович", "Вадимівна", "Вадим"),
    ("Денис", "Денисович", "Денисівна", "Денис"),
    ("Анатолій", "Анатолійович", "Анатоліївна", "Анатолий"),
    ("Григорій", "Григорович", "Григорівна", "Григорий"),
    ("Степан", "Степанович", "Степанівна", "Степан"),
    ("Ярослав", "Ярославович", "Ярославівна", "Ярослав"),
    ("Валерій", "Валерійович", "Валеріївна", "Валерий"),
    ("Костянтин", "Костянтинович", "Костянтинівна", "Константин"),
    ("Назар", "Назарович", "Назарівна", "Назар"),
    ("Остап", "Остапович", "Остапівна", "Остап"),
)
UKRAINIAN_FEMALE = (
    ("Ольга", "Ольга"),
    ("Наталія", "Наталья"),
    ("Ірина", "Ирина"),
    ("Марія", "Мария"),
    ("Оксана", "Оксана"),
    ("Юлія", "Юлия"),
    ("Олена", "Елена"),
    ("Тетяна", "Татьяна"),
    ("Світлана", "Светлана"),
    ("Людмила", "Людмила"),
    ("Галина", "Галина"),
    ("Ганна", "Анна"),
    ("Катерина", "Екатерина"),
    ("Вікторія", "Виктория"),
    ("Дарина", "Дарья"),
    ("Анастасія", "Анастасия"),
    ("Софія", "София"),
    ("Валентина", "Валентина"),
    ("Надія", "Надежда"),
    ("Любов", "Любовь"),
    ("Лариса", "Лариса"),
    ("Віра", "Вера"),
    ("Яна", "Яна"),
    ("Аліна", "Алина"),
    ("Христина", "Кристина"),
    ("Олександра", "Александра"),
    ("Соломія", "Соломия"),
    ("Уляна", "Ульяна"),
)
UKRAINIAN_SURNAMES = (
    "Шевченко",
    "Коваленко",
    "Бондаренко",
    "Ткаченко",
    "Кравченко",
    "Мельник",
    "Іваненко",
    "Поліщук",
    "Олійник",
    "Шевчук",
    "Бойко",
    "Коваль",
    "Савченко",
    "Руденко",
    "Марченко",
    "Лисенко",
    "Мороз",
    "Петренко",
    "Клименко",
    "Павленко",
    "Кравчук",
    "Кузьменко",
    "Левченко",
    "Харченко",
    "Ковальчук",
    "Гончаренко",
    "Романенко",
    "Литвиненко",
    "Савчук",
    "Гриценко",
    "Ковальов",
    "Ткачук",
    "Мельничук",
    "Панченко",
    "Сидоренко",
    "Нестеренко",
    "Приходько",
    "Бондар",
    "Семенюк",
    "Кушнір",
    "Гнатюк",
    "Карпенко",
    "Ковальський",
    "Яворський",
    "Вишневський",
    "Зінченко",
    "Тимошенко",
    "Осадчий",
    "Гуменюк",
    "Дячук",
)
RUSSIAN_MALE = (
    ("Александр", "Александрович", "Александровна"),
    ("Сергей", "Сергеевич", "Сергеевна"),
    ("Дмитрий", "Дмитриевич", "Дмитриевна"),
    ("Андрей", "Андреевич", "Андреевна"),
    ("Алексей", "Алексеевич", "Алексеевна"),
    ("Максим", "Максимович", "Максимовна"),
    ("Евгений", "Евгеньевич", "Евгеньевна"),
    ("Иван", "Иванович", "Ивановна"),
    ("Михаил", "Михайлович", "Михайловна"),
    ("Артём", "Артёмович", "Артёмовна"),
    ("Николай", "Николаевич", "Николаевна"),
    ("Владимир", "Владимирович", "Владимировна"),
    ("Игорь", "Игоревич", "Игоревна"),
    ("Денис", "Денисович", "Денисовна"),
    ("Павел", "Павлович", "Павловна"),
    ("Роман", "Романович", "Романовна"),
    ("Олег", "Олегович", "Олеговна"),
    ("Юрий", "Юрьевич", "Юрьевна"),
    ("Виктор", "Викторович", "Викторовна"),
    ("Антон", "Антонович", "Антоновна"),
    ("Илья", "Ильич", "Ильинична"),
    ("Кирилл", "Кириллович", "Кирилловна"),
    ("Никита", "Никитич", "Никитична"),
    ("Егор", "Егорович", "Егоровна"),
    ("Василий", "Васильевич", "Васильевна"),
    ("Константин", "Константинович", "Константиновна"),
    ("Вадим", "Вадимович", "Вадимовна"),
    ("Григорий", "Григорьевич", "Григорьевна"),
    ("Тимур", "Тимурович", "Тимуровна"),
    ("Руслан", "Русланович", "Руслановна"),
    ("Станислав", "Станиславович", "Станиславовна"),
    ("Анатолий", "Анатольевич", "Анатольевна"),
    ("Пётр", "Петрович", "Петровна"),
    ("Борис", "Борисович", "Борисовна"),
    ("Фёдор", "Фёдорович", "Фёдоровна"),
    ("Владислав", "Владиславович", "Владиславовна"),
    ("Степан", "Степанович", "Степановна"),
    ("Тарас", "Тарасович", "Тарасовна"),
    ("Богдан", "Богданович", "Богдановна"),
    ("Ярослав", "Ярославович", "Ярославовна"),
    ("Валерий", "Валерьевич", "Валерьевна"),
    ("Назар", "Назарович", "Назаровна"),
    ("Остап", "Остапович", "Остаповна"),
)
RUSSIAN_FEMALE = (
    "Анна",
    "Елена",
    "Ольга",
    "Наталья",
    "Мария",
    "Екатерина",
    "Татьяна",
    "Ирина",
    "Анастасия",
    "Светлана",
    "Юлия",
    "Дарья",
    "Ксения",
    "Людмила",
    "Галина",
    "Марина",
    "Виктория",
    "Алина",
    "Полина",
    "Валентина",
    "Надежда",
    "Любовь",
    "Вера",
    "Софья",
    "Елизавета",
    "Кристина",
    "Евгения",
    "Алёна",
    "Оксана",
    "Яна",
    "Лариса",
    "София",
    "Александра",
    "Соломия",
    "Ульяна",
)
RUSSIAN_SURNAMES = (
    "Иванов",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Петров",
    "Соколов",
    "Михайлов",
    "Новиков",
    "Фёдоров",
    "Морозов",
    "Волков",
    "Алексеев",
    "Лебедев",
    "Семёнов",
    "Егоров",
    "Павлов",
    "Козлов",
    "Степанов",
    "Николаев",
    "Орлов",
    "Андреев",
    "Макаров",
    "Никитин",
    "Захаров",
    "Зайцев",
    "Соловьёв",
    "Борисов",
    "Яковлев",
    "Григорьев",
    "Романов",
    "Воробьёв",
    "Сергеев",
    "Кузьмин",
    "Фролов",
    "Александров",
    "Дмитриев",
    "Королёв",
    "Гусев",
    "Киселёв",
    "Ильин",
    "Максимов",
    "Поляков",
    "Сорокин",
    "Виноградов",
    "Ковалёв",
    "Белов",
    "Медведев",
    "Антонов",
    "Тарасов",
    "Жуков",
    "Баранов",
    "Филиппов",
    "Комаров",
    "Давыдов",
    "Беляев",
    "Герасимов",
    "Богданов",
    "Осипов",
    "Сидоров",
)


def feminine_surname(s: str) -> str:
    """Gendered surname endings (Russian and Ukrainian); -enko, -uk and the like stay."""
    for suf, rep in (
        ("ський", "ська"),
        ("цький", "цька"),
        ("ский", "ская"),
        ("ий", "а"),
        ("ов", "ова"),
        ("ёв", "ёва"),
        ("ев", "ева"),
        ("єв", "єва"),
        ("ин", "ина"),
        ("ін", "іна"),
        ("ьов", "ьова"),
    ):
        if s.endswith(suf):
            return s[: -len(suf)] + rep
    return s


def uk_to_ru_spelling(s: str) -> str:
    """How a Russian-speaking registrar tends to write a Ukrainian surname."""
    table = str.maketrans({"і": "и", "ї": "и", "є": "е", "и": "ы", "'": "ь", "’": "ь"})
    out = s.translate(table)
    return out.replace("ыенко", "иенко").replace("ськ", "ск").replace("цьк", "цк")


# ============================================================================ Latin
NIGERIAN_MALE = (
    "Chinedu",
    "Emeka",
    "Chukwuemeka",
    "Obinna",
    "Ifeanyi",
    "Nnamdi",
    "Uchechukwu",
    "Ikenna",
    "Chidi",
    "Kelechi",
    "Adebayo",
    "Oluwaseun",
    "Olumide",
    "Babatunde",
    "Ayodele",
    "Temitope",
    "Kayode",
    "Segun",
    "Olusegun",
    "Oluwafemi",
    "Abubakar",
    "Musa",
    "Ibrahim",
    "Usman",
    "Sani",
    "Aliyu",
    "Yusuf",
    "Haruna",
    "Sule",
    "Emmanuel",
    "Godwin",
    "Samuel",
    "Daniel",
    "John",
    "Peter",
    "Joseph",
    "Michael",
    "Osaretin",
    "Osagie",
    "Efosa",
    "Eghosa",
    "Osas",
    "Friday",
    "Sunday",
    "Monday",
    "Victor",
    "Stanley",
    "Kingsley",
    "Collins",
    "Prince",
)
NIGERIAN_FEMALE = (
    "Ngozi",
    "Chiamaka",
    "Chioma",
    "Adaeze",
    "Nneka",
    "Amaka",
    "Ifeoma",
    "Ebere",
    "Funmilayo",
    "Folake",
    "Yetunde",
    "Titilayo",
    "Bukola",
    "Omolara",
    "Aisha",
    "Hauwa",
    "Zainab",
    "Fatima",
    "Amina",
    "Hadiza",
    "Blessing",
    "Joy",
    "Grace",
    "Patience",
    "Mercy",
    "Precious",
    "Faith",
    "Esther",
    "Favour",
    "Gift",
    "Happiness",
    "Princess",
    "Comfort",
    "Peace",
    "Osasumwen",
    "Efe",
    "Osarugue",
    "Ivie",
    "Eseosa",
    "Omoye",
)
NIGERIAN_SURNAMES = (
    "Okafor",
    "Okonkwo",
    "Eze",
    "Nwosu",
    "Obi",
    "Okeke",
    "Nwachukwu",
    "Onyeka",
    "Chukwu",
    "Ibe",
    "Adeyemi",
    "Adebayo",
    "Ogunleye",
    "Oladipo",
    "Balogun",
    "Bakare",
    "Okoro",
    "Ojo",
    "Olawale",
    "Afolabi",
    "Akande",
    "Adeleke",
    "Bello",
    "Abubakar",
    "Mohammed",
    "Usman",
    "Garba",
    "Lawal",
    "Suleiman",
    "Danjuma",
    "Osagie",
    "Igbinedion",
    "Osaro",
    "Omoregie",
    "Edosa",
    "Aigbe",
    "Obaseki",
    "Eghosa",
    "Idahosa",
    "Ehigiator",
    "Uwaifo",
    "Ogbebor",
    "Iyamu",
    "Osayande",
    "Nosakhare",
    "Ekhator",
    "Agbonlahor",
    "Okungbowa",
)
# Spellings and short forms seen for the same Nigerian name.
NIGERIAN_VARIANTS = {
    "Chukwuemeka": ("Emeka",),
    "Oluwaseun": ("Seun", "Oluseun"),
    "Olusegun": ("Segun",),
    "Babatunde": ("Tunde",),
    "Oluwafemi": ("Femi",),
    "Uchechukwu": ("Uche",),
    "Ifeanyi": ("Ifeanyichukwu",),
    "Mohammed": ("Muhammad", "Mohammad", "Muhammed"),
    "Abubakar": ("Abubakr", "Aboubakar", "Abubakar"),
    "Yusuf": ("Yusufu", "Yussuf"),
    "Usman": ("Usmanu", "Othman"),
    "Osaretin": ("Osaretin", "Osaretinn"),
    "Funmilayo": ("Funmi", "Funmilola"),
    "Titilayo": ("Titi",),
    "Omolara": ("Lara",),
    "Chiamaka": ("Amaka",),
    "Hadiza": ("Hadizat",),
    "Hauwa": ("Hawa", "Hauwau"),
    "Favour": ("Favor",),
    "Ehigiator": ("Ehigiato",),
    "Igbinedion": ("Igbinedion",),
}

SPANISH_MALE = (
    "José",
    "Juan",
    "Luis",
    "Carlos",
    "Jorge",
    "Andrés",
    "Miguel",
    "Pedro",
    "Alejandro",
    "Daniel",
    "David",
    "Jesús",
    "Manuel",
    "Javier",
    "Diego",
    "Santiago",
    "Sebastián",
    "Camilo",
    "Julián",
    "Óscar",
    "Fernando",
    "Ricardo",
    "Eduardo",
    "Rafael",
    "Francisco",
    "Antonio",
    "Jhon",
    "Brayan",
    "Yeferson",
    "Wilmer",
    "Yorman",
    "Deiby",
    "Juan Carlos",
    "José Luis",
    "Luis Fernando",
    "Juan David",
    "Juan Pablo",
    "Miguel Ángel",
    "José Gregorio",
    "Jesús Alberto",
    "Carlos Eduardo",
    "Luis Alberto",
    "José Antonio",
    "Víctor Manuel",
    "Jhon Fredy",
)
SPANISH_FEMALE = (
    "María",
    "Ana",
    "Luisa",
    "Carolina",
    "Daniela",
    "Valentina",
    "Gabriela",
    "Andrea",
    "Paola",
    "Natalia",
    "Laura",
    "Sofía",
    "Camila",
    "Isabella",
    "Mariana",
    "Diana",
    "Yesenia",
    "Yuliana",
    "Yurley",
    "Leidy",
    "Yenny",
    "Dayana",
    "Karen",
    "María José",
    "María Fernanda",
    "Ana María",
    "María Alejandra",
    "María Camila",
    "Luz Marina",
    "María del Carmen",
    "Luz Dary",
    "Yolanda",
    "Rosa",
    "Marisol",
    "Yelitza",
    "Yusmary",
    "Maryuri",
    "Génesis",
    "Angélica",
    "Nathaly",
)
SPANISH_SURNAMES = (
    "García",
    "Rodríguez",
    "Martínez",
    "López",
    "González",
    "Hernández",
    "Pérez",
    "Sánchez",
    "Ramírez",
    "Torres",
    "Flores",
    "Rivera",
    "Gómez",
    "Díaz",
    "Reyes",
    "Morales",
    "Ortiz",
    "Gutiérrez",
    "Jiménez",
    "Ruiz",
    "Álvarez",
    "Castillo",
    "Romero",
    "Vargas",
    "Moreno",
    "Rojas",
    "Mendoza",
    "Guerrero",
    "Medina",
    "Castro",
    "Suárez",
    "Muñoz",
    "Ospina",
    "Cardona",
    "Restrepo",
    "Quintero",
    "Zambrano",
    "Contreras",
    "Villegas",
    "Peña",
    "Salazar",
    "Carvajal",
    "Ibáñez",
    "Acosta",
    "Chávez",
    "Marín",
    "de la Cruz",
    "del Valle",
    "Montilla",
    "Briceño",
    "Colmenares",
    "Parra",
    "Useche",
    "Rangel",
    "Guzmán",
    "Velásquez",
)
SPANISH_VARIANTS = {
    "Jhon": ("John", "Jon"),
    "Yeferson": ("Jefferson", "Jeferson", "Yefferson"),
    "Yenny": ("Jenny", "Yeni"),
    "Leidy": ("Lady", "Leydi"),
    "Brayan": ("Bryan", "Brian"),
    "Yorman": ("Jorman",),
    "Deiby": ("Deibi", "Deivy"),
    "Yesenia": ("Jesenia", "Yessenia"),
    "Yuliana": ("Juliana",),
    "Yurley": ("Yurleidy", "Yurlei"),
    "Dayana": ("Diana", "Dayanna"),
    "Nathaly": ("Natali", "Nataly"),
    "Maryuri": ("Mayuri", "Mariuri"),
    "Vargas": ("Bargas",),
    "Velásquez": ("Velasco", "Velazquez"),
    "Yusmary": ("Yusmari",),
    "Yelitza": ("Yelitsa",),
    "Génesis": ("Genesis", "Jenesis"),
    "Wilmer": ("Wilmar",),
    "Jhon Fredy": ("John Freddy",),
    "Briceño": ("Briceno", "Briseño"),
    "Muñoz": ("Munoz", "Munhoz"),
    "Ibáñez": ("Ibanez",),
}


@dataclass
class Pools:
    """All pools, gathered for the generator."""

    arabic_male: tuple = ARABIC_MALE
    arabic_female: tuple = ARABIC_FEMALE
    arabic_family: tuple = ARABIC_FAMILY
    dari_male: tuple = DARI_MALE
    dari_female: tuple = DARI_FEMALE
    dari_family: tuple = DARI_FAMILY
    geez_male: tuple = GEEZ_MALE
    geez_female: tuple = GEEZ_FEMALE
    beng_male: tuple = BENGALI_MALE
    beng_female: tuple = BENGALI_FEMALE
    beng_family: tuple = BENGALI_FAMILY
    beng_fsuffix: tuple = BENGALI_FEMALE_SUFFIX
    nep_male: tuple = NEPALI_MALE
    nep_female: tuple = NEPALI_FEMALE
    nep_mid_m: tuple = NEPALI_MIDDLE_MALE
    nep_mid_f: tuple = NEPALI_MIDDLE_FEMALE
    nep_family: tuple = NEPALI_FAMILY
    extra: dict = field(default_factory=dict)


def pool_sizes() -> dict[str, int]:
    p = Pools()
    sizes = {k: len(v) for k, v in vars(p).items() if isinstance(v, tuple)}
    sizes.update(
        {
            "uk_male": len(UKRAINIAN_MALE),
            "uk_female": len(UKRAINIAN_FEMALE),
            "uk_surname": len(UKRAINIAN_SURNAMES),
            "ru_male": len(RUSSIAN_MALE),
            "ru_female": len(RUSSIAN_FEMALE),
            "ru_surname": len(RUSSIAN_SURNAMES),
            "ng_male": len(NIGERIAN_MALE),
            "ng_female": len(NIGERIAN_FEMALE),
            "ng_surname": len(NIGERIAN_SURNAMES),
            "es_male": len(SPANISH_MALE),
            "es_female": len(SPANISH_FEMALE),
            "es_surname": len(SPANISH_SURNAMES),
        }
    )
    return sizes
