"""Word lists that tell a person's name from a phrase in a heading.

All entries are lower case; callers compare ``word.lower()`` (post-nominals are
compared as written, because ``MA`` is a degree and ``Ma`` a surname).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _numbered(text: str) -> dict[str, int]:
    return {word: i for i, word in enumerate(text.split(), start=1)}


HONORIFICS = _words(
    """
    dr prof professor mx mr mrs ms miss dame sir lord baroness lady rev revd
    reverend cllr councillor rt hon right honourable sister
    captain capt colonel col lt lieutenant brigadier commander cdr commodore general
    admiral surgeon
    """
)

# Words that only qualify a following "Professor" ("Associate Professor Jane Roe").
PROFESSOR_QUALIFIERS = _words(
    """
    associate assistant emeritus honorary visiting clinical
    """
)

POST_NOMINALS = _words(
    """
    MBE OBE CBE KBE DBE CB CVO LVO KC QC PhD DPhil MD DM DSc DrPH EdD DNP MPhil MRes
    MSc MA MBA MPH MEd MS MHA MSN BSN BSc BA BEd LLB LLM MBBS MBChB MBBCh BMBS BM
    BCh ChB BS DO PGCert PGDip DClinPsy CPsychol RN RGN RMN RM RSCN RNLD QN NP APRN
    FNP FRCP FRCPE FRCPEd FRCPI FRCPC FRACP FRCS FRCSEd FRCSI FRACS FRCGP FRCPsych
    FRCN FRCA FRCR FRCOG FRCPCH FRCPath FRCEM FRCOphth FFPH FMedSci FFMLM MFMLM FRSA
    FHEA SFHEA PFHEA FCIPD FAAN FACHE FACP FACS FRS FREng FRSB FRSPH FIHM MRCP MRCGP
    MRCS MRCPsych MRCPCH MCSP FRCSLT
    KCB GCB DL JP FBPsS AFBPsS FAcadMEd FFICM FRCSEng FRCPS FRCPSGlasg MFPH FFPHM FFOM MFOM
    MIHM FCMI CMgr FHFMA MCIPD PGCE RNMH RHV SCPHN RSCPHN FQNI BDS MDS FDS MFDS MPharm
    BPharm FRPharmS MRPharmS BN BNurs MNurs MRCPI MRCSI FRCPGlasg FRGS FRSM MFMLM
    """
)

# A post-nominal may name its college in brackets: "MRCP(UK)", "FRCS (Eng)", "BSc (Hons)".
POST_NOMINAL_QUALIFIERS = _words(
    """
    uk eng edin ed glasg glas lond irel i hons hon
    """
)

# Two capital letters are initials ("JR Smith") unless they are one of these acronyms.
ACRONYMS = _words(
    """
    ae ai ar cq dh ed eu gp hr ip it ni op ot pa pr pt qi st uk un us vr
    """
)

# Common words that are also frequent surnames, allowed as the last word of a "by" byline
# after a first name ("Chris North", "Paul Nurse").
SURNAME_WORDS = _words(
    """
    north south east hall nurse case chance story way head hand low craft fellows fellow
    """
)

# Lower-case words allowed inside a name: "Ludwig van Beethoven", "Ahmed bin Ali".
NAME_PARTICLES = _words(
    """
    van von de der den da di du del della la le bin binti ibn al el ter ten dos das
    af zu
    """
)

NAME_SUFFIXES = _words(
    """
    jr jr. sr sr.
    """
)

# A byline names a group when it ends in one of these ("AHP Regional Clinical Leadership
# Fellows", "the BMJ Leader editorial team"). Plain "doctors"/"nurses" are left out:
# "Care Led by Nurses" is a title, not a byline.
GROUP_NOUNS = _words(
    """
    fellows team teams group collective network committee board editors panel
    council forum alliance collaborative consortium partnership taskforce
    secretariat trainees faculty society association members contributors authors
    bloggers confederation foundation providers employers academy institute college
    trust agency commission charity union federation centre center fund colleges
    observatory government
    """
)

# "by" after one of these is part of the title ("Driven by data", "Inspired by ...").
BY_PHRASE_VERBS = _words(
    """
    driven led inspired powered guided shaped informed supported funded commissioned
    endorsed caused affected touched haunted defined measured judged followed
    replaced hosted sponsored backed chaired run owned organised organized delivered
    designed made created built brought taken overtaken overwhelmed enabled
    underpinned fuelled fueled motivated challenged compounded constrained
    determined dominated influenced limited matched threatened undermined helped
    blighted beset governed crushed buried bogged weighed burdened divided united
    connected surrounded overshadowed eclipsed silenced ignored overlooked forgotten
    betrayed stretched squeezed swamped hampered hindered battered humbled moved
    stand stands stood standing abide
    recognised recognized accredited approved published produced issued awarded praised
    criticised criticized examined assessed rated regulated inspected audited investigated
    highlighted identified reported noticed seen heard told asked used adopted valued
    trusted loved feared hit struck saved protected harmed failed let set paid bought
    sold chosen elected appointed employed trained taught mentored coached
    """
)

# Last words of "Title – a guest blog by Name", "Title, written by Name" that lead into a byline.
BYLINE_LEAD_INS = _words("blog post article piece essay opinion written posted reviewed edited")

# Lower-case words that make a byline tail read as a clause rather than a group name.
FUNCTION_WORDS = _words(
    """
    a an to in on at with is are was were be been being can could should would must
    not no how why what when where who whom which this that these those it its i me
    my we us our you your he him his she her they them their do does did has have
    had if or but so than then there here from into about over under after before
    through via per vs
    """
)

# Capitalised words that appear in Title Case headings but are rarely a person's name.
# Common surnames and first names (Rich, Young, White, Green, King, Hope, May, Will...)
# are deliberately absent.
COMMON_WORDS = _words(
    """
    leadership leader leaders leading lead management manager managers medicine
    medical nursing nurse nurses midwifery midwives doctor doctors clinical
    clinician clinicians health healthcare care caring patient patients staff
    workforce people person team teams nhs system systems service services practice
    practices policy policies quality safety culture cultures community communities
    complexity review reviews reflection reflections thoughts thinking lessons
    lesson learning learned learnt doing walking talking listening working living
    being around about beyond between within without across change changes changing
    data design example examples numbers number fire accident choice chance default
    nature necessity definition stealth consent degrees proxy committee objectives
    innovation improvement improving equity equality diversity inclusion inclusive
    inequalities inequality digital technology future futures past present today
    tomorrow yesterday crisis crises pandemic covid recovery resilience wellbeing
    burnout compassion compassionate kindness trust trusts board boards strategy
    strategic vision values value purpose powerful influence voice voices story
    stories part parts blog blogs series book books interview interviews
    conversation conversations podcast video webinar update updates summary opinion
    editorial commentary analysis report reports news guide special edition guest
    introduction conclusion conclusions part one two three new old first second
    third last final next big great good bad better worse worst high low
    open closed public private global local national regional
    international north south east northern southern eastern western united kingdom
    states europe africa asia america australia england scotland wales ireland
    britain british world earth planet climate sustainability sustainable net
    zero environment environmental emergency emergencies department hospital
    hospitals primary secondary general acute mental physical social integrated
    integration partnership partnerships collaboration collaborative network
    networks networking coaching mentoring mentor mentors training education
    educator educators research evidence science art arts craft skill skills tool
    tools toolkit framework model models approach approaches action actions plan
    plans planning priority priorities challenge challenges opportunity
    opportunities problem problems solution solutions question questions answer
    answers matter matters success failure risk risks growth development performance
    outcome outcomes experience experiences journey journeys path pathway pathways
    road way ways step steps time times life lives work works job jobs role roles
    career careers success voice home heart mind body soul hands hand words word
    deeds truth myth myths reality fact facts fiction lens perspective perspectives
    view views point points case cases matter call calls response responses rules
    rule act acts laws money funding finance budget cost costs value economy market
    markets pressure pressures autumn season week weeks month months year years
    decade decades century anniversary birthday night nights morning evening hour
    hours minute minutes moment moments personal the fund looking back forward forwards ahead
    moving going coming getting making taking building growing finding keeping putting
    bringing turning breaking giving starting speaking saying telling writing reading asking
    seeing feeling letting staying setting running holding standing facing rising shaping
    supporting developing creating delivering transforming tackling reducing embracing
    rethinking reimagining redesigning together apart again now still more less much many
    all every everything nothing something everyone anyone
    chief executive executives officer officers director directors chair chairman
    chairwoman chairperson president consultant consultants registrar secretary minister
    editor fellow fellows head founder adviser advisor governor commissioner
    sister matron surgeon physician anaesthetist registrar trainee student pharmacist
    physiotherapist paramedic midwife therapist psychologist psychiatrist deputy
    government parliament ministry university school office authority royal company
    others helping
    """
)

# Lower-case words that may start a role after a name ("Jane Roe, chair of the BMA").
ROLE_WORDS = _words(
    """
    chief executive director chair chairman chairwoman chairperson president vice deputy
    head lead consultant clinical medical nursing national regional associate assistant
    senior junior professor lecturer reader fellow founder co-founder editor adviser
    advisor manager partner trustee governor commissioner secretary minister officer
    registrar trainee student nurse midwife doctor surgeon physician gp member
    """
)

# Lower-case words that may join the words of a role ("Head of Nursing at Leeds").
ROLE_CONNECTORS = _words(
    """
    of for at in the and & on behalf to with
    """
)

NUMBER_WORDS = _numbered(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty
    """
)

ORDINAL_WORDS = _numbered(
    """
    first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth
    """
)
