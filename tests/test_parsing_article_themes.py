"""parse_article on post pages in themes the parser was not written against.

Each page in tests/fixtures/articles (j to u) models one real theme's or
builder's single-post template, written from the theme's own templates before
the parser's code was read, with its chrome: share buttons, related posts,
comments with their own dates and authors, author boxes, sign-up forms, cookie
banners, breadcrumbs, tables of contents. The expected values are what a
librarian would record from the page as a reader sees it.

(j) Astra with Rank Math's JSON-LD ``@graph`` and an Easy Table of Contents box,
(k) GeneratePress with Jetpack sharing, likes, related posts and subscriptions,
published 20 minutes after midnight BST, (l) Kadence with All in One SEO's graph
whose header shows the *updated* date, an author box and a "Similar Posts"
carousel, (m) OceanWP whose only date is microdata on visible text "26/10/2023",
with dated related posts, (n) Divi builder modules with a newsletter sign-up and
"Oct 26, 2023", (o) an Elementor Pro single-post template (no ``<main>``, no
``<article>``) with a cookie banner and "26th October 2023", (p) Twenty
Twenty-One with Yoast's UTC dates for a post published at 00:30 BST, (q) Twenty
Twenty-Two with footnotes, a pull quote, an image caption and an embedded tweet,
(r) tagDiv's Newspaper with an in-content advert and a ``<time class=updated>``
that is the publication date, (s) a Genesis child theme whose only date is in the
permalink (comments and the sidebar carry microdata dates), (t) an NHS.UK-frontend
page with "Updated on" above "Published on" and "Page last reviewed", (u) Blogger's
Simple theme with the hAtom ``abbr.published`` and the blog's name as the ``h1``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from crawler.parsing.article import ArticlePage, parse_article, word_count

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
FETCHED = "2024-05-20T10:00:00+00:00"

# name: (url, expected fields, body paragraphs in order (a list) or that must be in the
# body (a tuple), text that must not be in the body)
PAGES: dict[str, tuple[str, dict, list[str] | tuple[str, ...], tuple[str, ...]]] = {
    "j_astra_rankmath_graph.html": (
        "https://governanceroom.example.co.uk/board-papers-nobody-reads/",
        {
            "canonical_url": "https://governanceroom.example.co.uk/board-papers-nobody-reads/",
            "title": "Board papers nobody reads: how we cut ours by half",
            "published": "2023-10-26T09:00:00+01:00",
            "published_raw": "2023-10-26T09:00:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": "2023-11-02T14:30:00+00:00",
            "categories": ("Board development",),
            "tags": ("board papers", "governance"),
            "authors": ("Priya Shah",),
        },
        [
            "Our board pack for September ran to 412 pages. When I asked five of my fellow "
            "non-executives which paper had changed their mind about anything, none of them "
            "could name one.",
            "What we stopped doing",
            "We stopped accepting papers that only described activity. Every paper now opens "
            "with the decision or the assurance it asks the board for, in no more than three "
            "sentences.",
            "We also stopped reading reports aloud. If a paper has been circulated, the author "
            "takes questions; the chair does not invite a summary.",
            "What happened next",
            "The October pack was 198 pages. The meeting finished on time for the first time "
            "in a year, and we spent forty minutes on the maternity safety report instead of "
            "ten.",
            "Less paper is not the point. The point is that the board now talks about patients "
            "for most of its meeting.",
        ],
        (
            "Table of Contents",
            "Toggle",
            "Related Posts",
            "Questions a non-executive",
            "Tom Ellis",
            "Waiting list reports",
            "Leave a Comment",
            "Recent Posts",
            "Skip to content",
            "2 min read",
            "Copyright",
            "Priya Shah",
            "Home",
            "An empty boardroom table",
        ),
    ),
    "k_generatepress_jetpack.html": (
        "https://wardnotes.example.org/2023/10/18/stay-interviews/",
        {
            "canonical_url": "https://wardnotes.example.org/2023/10/18/stay-interviews/",
            "title": "Stay interviews: keeping the nurses we already have",
            # 00:20 BST on the 18th: the offset is kept, so the date stays the 18th.
            "published": "2023-10-18T00:20:00+01:00",
            "published_raw": "2023-10-18T00:20:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": "2023-11-20T16:05:00+00:00",
            "categories": ("Workforce",),
            "tags": ("nursing", "retention"),
            "authors": ("Amara Okonkwo",),
        },
        [
            "We spend weeks on exit interviews, asking people why they left once nothing can "
            "be done about it. Last spring our division started asking the people who stayed.",
            "A stay interview is a fifteen-minute conversation between a nurse and their ward "
            "manager, held away from the ward and outside the appraisal. It has four questions:",
            "What keeps you working here?",
            "What nearly made you leave in the last year?",
            "What would you change about your shifts if you could?",
            "What can I do to make your job easier?",
            "The answers were not what we expected. Pay came up, but far less than rota "
            "fairness, a manager who knew people’s names, and being able to take a break.",
            "Six months on, turnover among nurses in their first two years has fallen from 24 "
            "to 15 per cent. We cannot prove the interviews did that. We can say they told us "
            "what to fix.",
        ],
        (
            "Share this",
            "Click to share",
            "LinkedIn",
            "Like this",
            "Loading",
            "Related",
            "Retention starts on day one",
            "Preceptorship",
            "Workforce",
            "Ben Hughes",
            "surgical wards",
            "Breaks were the surprise",
            "thoughts on",
            "Leave a Comment",
            "Discover more",
            "Subscribe",
            "Continue reading",
            "The quiet hour",
            "Rotas are a leadership tool",
            "Archives",
            "GeneratePress",
            "Skip to content",
            "A matron's blog",
        ),
    ),
    "l_kadence_aioseo_updated_shown.html": (
        "https://theatreleaders.example.org.uk/psychological-safety-is-not-comfort/",
        {
            "canonical_url": (
                "https://theatreleaders.example.org.uk/psychological-safety-is-not-comfort/"
            ),
            "title": "Psychological safety is not the same as comfort",
            # The header shows the *updated* date (a Kadence option); the graph says when
            # the post was published.
            "published": "2023-10-26T09:00:00+01:00",
            "published_raw": "2023-10-26T09:00:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": "2024-01-08T11:20:00+00:00",
            "categories": ("Team culture",),
            "tags": ("surgery", "psychological safety"),
            "authors": ("Olu Kamara",),
        },
        [
            "When our theatre team first ran a psychological safety survey, several people "
            "told us they wanted a “safe space”. Some of them meant they wanted nobody to "
            "challenge them. That is not what Amy Edmondson meant, and it is not what patients "
            "need.",
            "What safety means in theatre",
            "A scrub nurse who says “stop, the count is wrong” to a consultant is not "
            "comfortable. She is safe if she knows she will be thanked for it, whatever the "
            "consultant’s mood.",
            "Safety is being able to speak up. Comfort is not having to.",
            "What we changed",
            "We rewrote the team brief so the most junior person speaks first. We also ask, at "
            "every debrief, “what nearly went wrong today?” and record the answer without "
            "names.",
            "Challenge has gone up. So have the number of near misses reported. Both are signs "
            "the culture is getting healthier, not worse.",
        ],
        (
            "Contents",
            "Updated",
            "Reading time",
            "Olu is a consultant",
            "Follow Olu",
            "Similar Posts",
            "The team brief that stuck",
            "Our briefs used to be",
            "Read More",
            "Post navigation",
            "Previous",
            "#",
            "Post Tags",
            "Kadence WP",
            "Skip to content",
            "Team culture",
            "Join the network",
        ),
    ),
    "m_oceanwp_microdata_only.html": (
        "https://qualitymatters.example.nhs.uk/huddles-that-work/",
        {
            "canonical_url": "https://qualitymatters.example.nhs.uk/huddles-that-work/",
            "title": "Huddles that work on a busy medical ward",
            # itemprop=datePublished on the visible "26/10/2023", read day first; the
            # page's only <time> elements are the related posts'.
            "published": "2023-10-26",
            "published_raw": "26/10/2023",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            "categories": ("Quality improvement",),
            "tags": ("huddles", "patient safety"),
            "authors": ("Gareth Williams",),
        },
        [
            "Our ward has thirty beds, four consultants and a different registrar every week. "
            "For a long time our morning safety huddle was ten people standing by the nurses’ "
            "station while one of them read out the bed state.",
            "We changed three things, one at a time, and measured each change for a month "
            "before the next.",
            "1. The huddle starts at 08:45, not “after handover”",
            "A fixed time meant therapists and the pharmacist could plan to be there. "
            "Attendance went from four professions to six.",
            "2. Everyone answers one question",
            "“Who are you worried about today?” Each person names one patient or says nobody. "
            "It takes ninety seconds.",
            "3. The board stays up all day",
            "Whatever we agree goes on the whiteboard, and it stays there. The night team reads "
            "it at 20:00.",
            "Falls with harm on the ward fell from seven in the six months before to two in "
            "the six months after. It is a small ward and a small number, so we are cautious, "
            "but the team does not want to go back.",
        ],
        (
            "Post author",
            "Post published",
            "26/10/2023",
            "1 Comment",
            "Tags:",
            "Please Share This",
            "Share this content",
            "Opens in a new window",
            "Read more articles",
            "Previous Post",
            "Measuring what matters",
            "Gareth is a ward manager",
            "You Might Also Like",
            "Run charts",
            "Fiona Reid",
            "stroke unit",
            "Latest posts",
            "OceanWP",
            "Home",
            "Skip to content",
            "Twitter",
            "LinkedIn",
            "Gareth Williams",
            "A whiteboard used",
        ),
    ),
    "n_divi_builder.html": (
        "https://pcnleaders.example.co.uk/first-year-as-a-pcn-clinical-director/",
        {
            "canonical_url": (
                "https://pcnleaders.example.co.uk/first-year-as-a-pcn-clinical-director/"
            ),
            "title": "What I learned in my first year as a PCN clinical director",
            "published": "2023-10-26",
            "published_raw": "Oct 26, 2023",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            "categories": ("Leadership development", "Primary care"),
            "tags": (),
            "authors": ("Sunita Nair",),
        },
        [
            "A year ago I became clinical director of a primary care network of seven practices "
            "and 62,000 patients. I had been a GP partner for twelve years and thought I knew "
            "how general practice worked. I knew how my practice worked.",
            "Here are the three lessons that cost me the most to learn.",
            "Seven practices are seven cultures",
            "Every practice had its own way of deciding things. One voted, one deferred to its "
            "senior partner, and one decided nothing until the practice manager had spoken to "
            "everybody. I stopped bringing proposals to the network meeting until I had heard "
            "how each practice would take them.",
            "The additional roles are people, not a budget line",
            "We recruited eleven staff under the additional roles scheme. For the first six "
            "months nobody was sure who managed them. Two of our first pharmacists left; both "
            "said they felt like visitors in every practice.",
            "Protect the time",
            "My contract gives me one session a week for the network. In practice it took "
            "three. I now block Wednesday afternoons and tell my partners when I am over.",
            "Leading peers is harder than leading a team, because nobody has to follow you.",
            "If you are about to take on the role, find another clinical director a year ahead "
            "of you and ask them to lunch. It was the best hour I spent all year.",
        ],
        (
            "Stay in touch",
            "Get new posts",
            "Success!",
            "Subscribe",
            "Email",
            "Follow",
            "3 Comments",
            "Kwame",
            "Rachel Lowe",
            "paramedic",
            "One is a fiction",
            "Submit a Comment",
            "Recent Posts",
            "Working with your ICB",
            "Elegant Themes",
            "Select Page",
            "a day in the life",
            "Sunita Nair",
            "Primary care",
        ),
    ),
    "o_elementor_pro_single.html": (
        "https://inclusiveboards.example.org/reverse-mentoring-changed-how-our-board-sees-race/",
        {
            "canonical_url": (
                "https://inclusiveboards.example.org/"
                "reverse-mentoring-changed-how-our-board-sees-race/"
            ),
            "title": "Reverse mentoring changed how our board sees race",
            "published": "2023-10-26",
            "published_raw": "26th October 2023",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            # Elementor's post-info terms: category archive links without rel=tag.
            "categories": ("Board development", "Race equality"),
            "tags": (),
            "authors": ("Helen Marsh",),
        },
        [
            "Two years ago our chief executive asked a band 5 staff nurse to mentor her. The "
            "nurse, a Black woman who had trained in Lagos and worked for the trust for nine "
            "years, said yes on one condition: that she could say what she saw.",
            "That arrangement has since grown into a programme. Every executive and "
            "non-executive director at our trust now has a reverse mentor from a minority "
            "ethnic background, matched outside their own directorate.",
            "What the board heard",
            "Board members heard about being passed over for acting-up roles without being "
            "told why, and about disciplinary processes that began with a conversation for "
            "white colleagues and with a letter for everybody else.",
            "None of it was new to the staff networks. It was new to the board, because nobody "
            "had said it to them directly before.",
            "Likelihood of white applicants being appointed from shortlisting, relative to "
            "minority ethnic applicants, 2019 to 2023.",
            "What changed",
            "We now publish the outcome of every disciplinary case by ethnicity to the board "
            "each quarter, and every case passes a decision-maker check before it starts. "
            "Formal cases involving minority ethnic staff have fallen by a third.",
            "Reverse mentoring is not a fix on its own. It made the board able to hear what the "
            "data had been telling it for years.",
        ],
        (
            "LinkedIn",
            "Email",
            "Helen is a non-executive",
            "All Posts",
            "Previous",
            "The board that listened",
            "You may also like",
            "What happens when a trust board",
            "peer network",
            "cookies",
            "Accept All",
            "Cookie Settings",
            "Menu",
            "The programme",
            "Skip to content",
            "Two colleagues talking",
            "Helen Marsh",
            "26th October 2023",
            "Race equality",
            "Chart of WRES",
        ),
    ),
    "p_twentytwentyone_yoast_midnight.html": (
        "https://registrarsnotebook.example.com/2023/10/27/rota-gaps-are-a-leadership-problem/",
        {
            "canonical_url": (
                "https://registrarsnotebook.example.com/2023/10/27/"
                "rota-gaps-are-a-leadership-problem/"
            ),
            "title": "Rota gaps are a leadership problem, not a staffing one",
            # Yoast writes 23:30 UTC on the 26th; the theme's <time> writes the same
            # instant in the site's own time, 00:30 BST on the 27th, the date the page
            # shows and the permalink carries. Same instant: the site's local form wins,
            # so the archive's date is the 27th.
            "published": "2023-10-27T00:30:00+01:00",
            "published_raw": "2023-10-27T00:30:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": "2023-10-30T08:00:00+00:00",
            "categories": ("Clinical leadership",),
            "tags": ("junior doctors", "rotas"),
            "authors": ("Tom Ellis",),
        },
        [
            "Every medical registrar knows the message. It arrives at four in the afternoon: "
            "the night registrar has called in sick, and could you possibly stay on?",
            "For most of my training I treated this as bad luck. As chief registrar I started "
            "counting, and it is not luck. On our rota, two thirds of short-notice gaps "
            "happened on the same three nights of the month, the nights after the rota "
            "coordinator’s week off.",
            "Gaps are designed in",
            "A rota with no slack has gaps built into it. When the only person who understands "
            "it is away, nobody swaps shifts early, and the gaps arrive as emergencies.",
            "The Royal College of Physicians on the chief registrar role.",
            "What we did",
            "Two registrars now share the coordinator role, so it is never empty.",
            "Swaps are agreed six weeks ahead, in a shared spreadsheet everyone can see.",
            "The consultant of the week signs off any gap that remains, before it happens.",
            "Short-notice gaps fell from nine a month to three. The rota has no more doctors "
            "than it did. It has more leadership.",
        ],
        (
            "Published",
            "By Tom Ellis",
            "Categorized as",
            "Tagged",
            "Medical registrar and chief registrar",
            "View all of",
            "1 comment",
            "Nadia Karim",
            "paediatrics",
            "Leave a comment",
            "Previous post",
            "The handover nobody owns",
            "Recent Posts",
            "Proudly powered",
            "Menu",
            "Skip to content",
            "leading from the middle",
        ),
    ),
    "q_twentytwentytwo_footnotes_embeds.html": (
        "https://matronsforum.example.net/2023/10/17/what-the-workforce-plan-asks-of-ward-leaders/",
        {
            "canonical_url": (
                "https://matronsforum.example.net/2023/10/17/"
                "what-the-workforce-plan-asks-of-ward-leaders/"
            ),
            "title": "What the workforce plan asks of ward leaders",
            "published": "2023-10-17T09:00:00+01:00",
            "published_raw": "2023-10-17T09:00:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            "categories": ("Workforce",),
            "tags": ("apprenticeships", "workforce plan"),
            "authors": ("Catherine O’Brien",),
        },
        (
            "Matrons in our forum were asked what the plan means for them. Three answers came "
            "up again and again.",
            "Supervision is the bottleneck",
            "We cannot grow a workforce on goodwill and lunch breaks.",
            "Student nurses on placement at a teaching hospital in 2022.",
            "Apprentices need protected time",
            "Retention is the cheapest training",
            "A nurse who stays for a second year costs nothing to train. The plan’s retention "
            "chapter is the one ward leaders can act on this week.",
            # the embedded tweet is part of what the author published
            "Our first nursing degree apprentices qualified today.",
            # footnotes are the post's references
            "NHS England. NHS Long Term Workforce Plan. June 2023.",
            "Nursing and Midwifery Council. Standards for student supervision and assessment.",
        ),
        (
            "Comments",
            "Jo Pritchard",
            "education leads",
            "Leave a Reply",
            "17 October 2023",
            "Catherine",
            "Proudly powered",
            "Open menu",
            "Events",
            "Join",
            "Student nurses on a ward round",
            "Jump to footnote",
            "↩",
        ),
    ),
    "r_newspaper_tagdiv.html": (
        "https://hsleader.example.co.uk/digital/why-clinicians-should-lead-digital-projects/",
        {
            "canonical_url": (
                "https://hsleader.example.co.uk/digital/why-clinicians-should-lead-digital-projects/"
            ),
            "title": "Why clinicians should lead digital projects",
            "published": "2023-10-26T09:00:00+01:00",
            "published_raw": "2023-10-26T09:00:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            # Newspaper marks its publication <time> "updated"; the microdata says when
            # the post was last modified.
            "modified": "2023-10-27T12:05:41+01:00",
            "categories": ("Digital",),
            "tags": ("clinical safety", "electronic patient records"),
            "authors": ("Mark Fraser",),
        },
        (
            "When our trust replaced its patient record system, the project board had eleven "
            "members. Two were clinicians, and one of those was me.",
            "The go-live went badly. Not because the software failed, but because nobody had "
            "asked how nurses actually recorded observations at three in the morning.",
            "Clinical change first",
            "We paused the roll-out for six weeks. Every ward sent a nurse and a doctor to "
            "redesign the forms with the supplier. The second go-live had a third of the "
            "incident reports of the first.",
            "Digital projects in the NHS are still too often run as IT procurements. The chief "
            "clinical information officer should sit on the programme board with a vote, not "
            "attend it by invitation.",
        ),
        (
            "Advertisement",
            "Digital health summit",
            "TAGS",
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Previous article",
            "Next article",
            "middle managers",
            "Mark is chief clinical",
            "RELATED ARTICLES",
            "MORE FROM AUTHOR",
            "does all day",
            "Safety cases",
            "LEAVE A REPLY",
            "Please enter your comment",
            "Recent posts",
            "STAY CONNECTED",
            "Followers",
            "tagDiv",
            "1,204",
            "26/10/2023",
            "Mark Fraser",
            "Health Service Leader",
            "clinical safety",
        ),
    ),
    "s_genesis_url_date_only.html": (
        "https://speakupleaders.example.org/2023/10/17/speaking-up-when-the-consultant-is-wrong/",
        {
            "canonical_url": (
                "https://speakupleaders.example.org/2023/10/17/"
                "speaking-up-when-the-consultant-is-wrong/"
            ),
            "title": "Speaking up when the consultant is wrong",
            # Nothing on the page dates the post but its permalink; the comments'
            # and the sidebar's microdata dates are theirs.
            "published": "2023-10-17",
            "published_raw": "2023/10/17",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            "categories": ("Speaking up",),
            "tags": ("freedom to speak up", "patient safety"),
            "authors": ("Dami Okafor",),
        },
        [
            "I was a foundation doctor on a surgical take when I first watched a theatre nurse "
            "stop a consultant mid-procedure. She was right, he was furious, and the patient "
            "never knew how close it had been.",
            "Five years later I am a Freedom to Speak Up guardian. Most of the people who come "
            "to me are not whistleblowers. They are people who tried to say something in the "
            "moment and were not heard.",
            "The moment matters more than the policy",
            "Every trust has a speaking-up policy. What staff remember is how the last person "
            "who spoke up was treated. If a senior doctor sighs, rolls their eyes or says “not "
            "now”, the whole team learns the lesson.",
            "So the most useful thing a consultant can do is practise a reply. Ours is simple: "
            "“Thank you, tell me more.” It costs four seconds and it keeps the door open.",
            "What guardians can and cannot do",
            "Guardians listen, protect confidentiality and escalate. We cannot make a culture "
            "safe on our own. That is the work of every leader who is ever told they might be "
            "wrong.",
        ],
        (
            "You are here",
            "Filed Under",
            "Tagged With",
            "Dami is a surgical registrar",
            "About Dami",
            "Reader Interactions",
            "Priti Desai",
            "coffee room",
            "moved to nights",
            "Leave a Reply",
            "Recently",
            "complaints service",
            "Log in",
            "Skip to",
            "2 Comments",
            "rdf",
            "trackback",
        ),
    ),
    "t_nhs_leadership_academy_updated.html": (
        "https://www.leadershipacademy.example.nhs.uk/blog/inclusive-leadership-starts-with-who-gets-a-seat/",
        {
            "canonical_url": (
                "https://www.leadershipacademy.example.nhs.uk/blog/"
                "inclusive-leadership-starts-with-who-gets-a-seat/"
            ),
            "title": "Inclusive leadership starts with who gets a seat at the table",
            "published": "2023-10-17",
            "published_raw": "17 October 2023",
            "date_precision": "day",
            "date_relative": False,
            # "Updated on" comes first; "Page last reviewed" is not an edit of the post.
            "modified": "2023-11-02",
            "categories": (),
            "tags": ("Inclusion", "Talent management"),
            "authors": ("Aisha Rahman",),
        },
        [
            "Talent is everywhere in the NHS. Opportunity is not, and that is a leadership choice.",
            "When we looked at who joined our senior leadership programmes last year, the "
            "pattern was familiar. Staff from minority ethnic backgrounds make up a quarter of "
            "the NHS workforce and one in ten of the people we were asked to develop for board "
            "roles.",
            "Nobody set out to exclude anyone. Places were filled by nomination, and "
            "nominations followed the networks senior leaders already had.",
            "From April 2024, at least half of the places on our senior programmes will be "
            "filled through open application, scored by a panel that does not know who the "
            "applicant's sponsor is.",
            "Three questions for every leader",
            "Who have you nominated in the last two years, and what do they have in common?",
            "Who in your team is ready for a stretch role and has never been asked?",
            "Who would notice if you stopped sponsoring them?",
            "Inclusive leadership is not a programme. It is a series of small decisions about "
            "who gets asked, made every week by people like us.",
        ],
        (
            "Cookies",
            "cookies",
            "Skip to main content",
            "Posted by",
            "Updated on",
            "Published on",
            "Share this page",
            "Share on X",
            "Topics",
            "Related content",
            "Ready Now",
            "Sponsorship is not mentoring",
            "Get our newsletter",
            "Sign up",
            "Page last reviewed",
            "Next review due",
            "Accessibility statement",
            "Back to Blog",
            "Menu",
            "Information:",
            "Aisha Rahman",
        ),
    ),
    "u_blogger_abbr_date.html": (
        "https://gpleadership.blogspot.com/2023/10/the-partnership-meeting-is-not-a-board.html",
        {
            "canonical_url": (
                "https://gpleadership.blogspot.com/2023/10/the-partnership-meeting-is-not-a-board.html"
            ),
            "title": "The partnership meeting is not a board",
            # hAtom: the published abbr's title is the machine value (its text is "21:14").
            "published": "2023-10-26T21:14:00+01:00",
            "published_raw": "2023-10-26T21:14:00+01:00",
            "date_precision": "day",
            "date_relative": False,
            "modified": None,
            "categories": (),
            "tags": ("governance", "partnership"),
            "authors": ("Laura Bennett",),
        },
        [
            "Our practice has six partners and a monthly partnership meeting. For years that "
            "meeting tried to do everything: approve the rota, argue about the new phone "
            "system, and decide whether to take on a branch surgery.",
            "It did none of them well. The rota took an hour because everyone had an opinion. "
            "The branch surgery took ten minutes because everyone was tired.",
            "Splitting the meeting",
            "We now hold two meetings. The operational meeting is run by our practice manager, "
            "who has delegated authority to decide anything under a set budget. The partners' "
            "meeting meets quarterly and only discusses strategy, money and risk.",
            "It felt like giving up control. It turned out to be the first time in years the "
            "partners had talked about where the practice was going.",
        ],
        (
            "Posted by",
            "Email This",
            "BlogThis!",
            "Share to X",
            "Labels",
            "1 comment",
            "PCN board",
            "Post a Comment",
            "Newer Post",
            "Older Post",
            "Subscribe to",
            "About Me",
            "GP partner in Yorkshire",
            "Blog Archive",
            "Powered by",
            "Notes from a Practice",
            "Thursday",
            "21:14",
            "Laura Bennett",
        ),
    ),
}

FIELDS = (
    "canonical_url", "title", "published", "published_raw", "date_precision",
    "date_relative", "modified", "categories", "tags", "authors",
)  # fmt: skip


def parse(name: str) -> ArticlePage:
    url = PAGES[name][0]
    return parse_article((ARTICLES / name).read_bytes(), url, fetched_at=FETCHED)


def test_there_are_enough_new_themes() -> None:
    assert len(PAGES) >= 8
    assert all((ARTICLES / name).is_file() for name in PAGES)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("field", FIELDS)
def test_fields(name: str, field: str) -> None:
    want = PAGES[name][1]
    if field not in want:
        pytest.skip(f"{name} sets no expectation for {field}")
    assert getattr(parse(name), field) == want[field]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_body_paragraphs(name: str) -> None:
    body = parse(name).body_text
    paragraphs = body.split("\n\n")
    want = PAGES[name][2]
    if isinstance(want, list):
        assert paragraphs == want
    else:
        for text in want:
            assert text in body


@pytest.mark.parametrize("name", sorted(PAGES))
def test_body_has_no_chrome(name: str) -> None:
    body = parse(name).body_text
    leaked = [text for text in PAGES[name][3] if text in body]
    assert leaked == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_word_count_is_the_bodys(name: str) -> None:
    found = parse(name)
    assert found.word_count == word_count(found.body_text) > 0


def test_one_hatom_entry_is_one_post_whatever_the_url() -> None:
    # Blogger's item page says it is one post only by its one .hentry: its pager's and
    # comments' dated links must not make it a listing when it is read under another URL
    # (an alias, a redirect's first URL).
    data = (ARTICLES / "u_blogger_abbr_date.html").read_bytes()
    found = parse_article(data, "https://gpleadership.blogspot.com/p/x.html", fetched_at=FETCHED)
    assert found.title == "The partnership meeting is not a board"
