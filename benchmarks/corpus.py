"""Seeded generator of synthetic Working Backwards PR/FAQ drafts, for benchmarks.

Two real PR/FAQs are too few to measure wblint's speed or to shake out crashes on odd input, so this
writes any number of varied drafts of about 1,000 words (press release plus FAQ) in the shapes real
drafts take, with their noise (code, URLs, HTML comments, tables, passive voice, future tense, hype
and weasel words, long sentences, placeholders, acronyms) at seeded rates. The same seed always
gives byte-identical files, so figures compare across runs and machines. Standard library only.

    python benchmarks/corpus.py OUT_DIR --count 1000 --seed 7

In DATA, `@name` opens a pool of sentences (of lines for domain and headline); in a template,
`{name}` is a filler (a fact of the draft or a number) and `{a|b|c}` picks one option.
"""
from __future__ import annotations

import argparse
import random
import re
import textwrap
import time
from pathlib import Path

DATA = """
@domain
independent restaurant owners|restaurant owner|order produce from local farms|supplier invoices|food service
home health nurses|nurse|schedule patient visits|visit notes|home health care
small landlords|landlord|collect rent and track repairs|maintenance requests|property management
high-school teachers|teacher|grade weekly essays|essay drafts|education
warehouse shift leads|shift lead|plan daily pick routes|pick lists|logistics
family caregivers|caregiver|manage medication schedules|prescriptions|elder care
craft brewers|brewer|track fermentation batches|batch logs|beverage
city bus dispatchers|dispatcher|reroute buses around road closures|route changes|public transit
solo accountants|accountant|reconcile client bank statements|bank transactions|accounting
veterinary clinics|vet technician|send vaccination reminders|patient records|veterinary care
wedding planners|planner|coordinate vendors for each event|vendor contracts|events
open-source maintainers|maintainer|triage incoming bug reports|issue reports|software
dental offices|receptionist|fill last-minute cancellations|appointment requests|dental care
community theaters|box-office volunteer|sell season tickets|seat reservations|performing arts
field biologists|biologist|log wildlife sightings|survey sheets|conservation
@headline
{product} {Lets|Helps} {Customers} {Task} {in Minutes|Without the Paperwork|From Their Phone}
{company} {Launches|Announces|Introduces} {product} to Help {Customers} {Task}
Introducing {product}: {The Simplest|A Faster|A Better} Way to {Task}
{product} Cuts the Time It Takes to {Task} by {pct} Percent
{company} Unveils {Revolutionary|Game-Changing|Next-Generation} {product} Platform for {Industry}
{Customers} Get Their {Evenings|Weekends|Sundays} Back With {product}
{product} Brings AI-Powered Synergy to {Industry}
Project {Kestrel|Bluebird|Nimbus|Tidewater} Is Now {product}
@subhead {customers} can now {task} in {mins} minutes instead of {hours} hours. {product} gives {customers}
one place to {task}, with no {setup|training|contracts}. For {customers} who spend their {evenings|weekends}
on {thing}, {product} does the work in the background. A simple {app|service|tool} that helps {customers} in
{region} {task} without {spreadsheets|phone calls|paper forms}. {product} turns a weekly chore into a
{mins}-minute check-in for busy {customers}. The leading next-generation platform that transforms how
{customers} {task}. No more lost {thing}: {product} keeps every {customer} on top of things.
@lead {company} today {announced|launched|introduced} {product}, {a new service|an app|a web and mobile
service} that {lets|helps} {customers} {task} {in minutes instead of hours|without paperwork or
spreadsheets|from a phone, a tablet or a laptop}. {Starting today|As of this morning}, {customers} {in
{region}|everywhere} can use {product} from {company} to {task} {in a few taps|without calling anyone}.
@lead_more {product} reads your {thing}, flags what needs attention, and {does the rest for you|drafts the
replies}. In {early testing|the beta|a {weeks}-week pilot}, {customers} saved an average of {hours} hours a
week. It works with the tools you already use, and setup takes about {mins} minutes. {product} costs ${price}
a month, and the first {days} days are free. {Beta users|Early customers} cut errors in their {thing} by {pct}
percent in the first month. {product} sends a short summary each {morning|evening}.
@problem Today, a typical {customer} spends {hours} hours a week on {thing}. Most {customers} still {task}
with {paper forms|sticky notes|a shared inbox}, phone calls and spreadsheets. In a survey of {k} {customers},
{pct} percent said {thing} are the part of the job they dread most. One missed entry can cost ${price} in fees
and, worse, a customer's trust. The software that exists was built for large {industry} companies, not for a
team of {n}. {customers} told us they keep {thing} in {n} different places and never know which copy is
current. By the end of the month, {pct} percent of {thing} are still waiting for someone to look at them. A
{customer} in {other} told us they keep a paper notebook as a backup because they do not trust their software.
@solution {product} collects your {thing} in one place and keeps them up to date {automatically|as they
change}. You open the app, see what needs attention today, and finish in a few taps. {product} checks each
entry as it arrives and warns you before a mistake becomes a problem. When a task is done, {product} sends a
{short|one-line} confirmation to everyone who needs to know. Everything works offline, and changes sync as
soon as you are back online. Reports that used to take an afternoon are ready when you open the app on
{Monday|Friday} morning. If you get stuck, a real person answers the chat within {mins} minutes during
business hours. {product} reminds you about deadlines {days} days ahead, by {text|email}.
@spokes We built {product} because {customers} told us they were drowning in {thing}. Our goal is simple: give
every {customer} back {an evening|a morning|an afternoon} each week. We spent a year with {n} {customers}
before writing a line of code, and {product} is the result. {customers} should spend their time on their
customers, not on paperwork. Every feature in {product} started as a complaint from a {customer}.
@excited We are {thrilled|so excited|delighted} to bring {product} to {customers}. I'm {delighted|proud} to
announce this groundbreaking product, and I can't wait to see what customers do with it.
@customer Before {product}, I spent every {Sunday|Friday night} on {thing}; now I'm done by nine on Monday
morning. I used to {task} with a notebook and a calculator, and last month {product} caught {n} mistakes I
would have missed. We are a team of {n} with no office manager, and {product} is the closest thing we have to
one. The first week, I saved {hours} hours and spent them with my {kids|family|customers}. I gave up on three
other tools, but with {product} I was set up before my coffee got cold. After a month our late {thing} went
from {n} a week to zero. We cut the time we spend on {thing} by {pct} percent, and nobody had to be trained.
@start_intro Getting started takes about {mins} minutes. Getting started with {product} is {easy|simple}.
There is nothing to install and no credit card required.
@steps {Sign up at {url} with your email address|Download the {product} app from the App Store or Google
Play|Ask your {company} account manager to turn on {product}}. {Import your {thing} from a spreadsheet|Forward
your {thing} to your {product} inbox|Take a photo of your paper {thing} and let {product} read them}. {Invite
your team and choose who can see what|Pick the reminders you want, by text or email|Set your business hours so
{product} knows when to notify you}. {Open the Today screen, where everything that needs you is at the
top|Check the weekly summary to see the hours you saved|Finish your first task}.
@cta To get started, visit {url}. Learn more and start a free {days}-day trial at [{product}]({url}).
{product} is available today in {region}; sign up at {url}. To learn more about {product}, go to <{url}>. Sign
up at [{url}]({url}) and your first month is free.
@cta_more For questions, write to help@{slug}.example.com. Existing {company} customers can turn it on today.
@ext.price How much does {product} cost? Is there a free trial? Do I need a credit card to try {product}?
{product} costs ${price} per month for up to {n} users. The first {days} days are free, and you can cancel at
any time. There is no setup fee and no long-term contract. {Nonprofits|Schools} get {pct} percent off.
@ext.how How does {product} work? What does {product} do with my {thing}? Does {product} work on my phone?
{product} reads your {thing} as they arrive and sorts them by what needs attention first. You confirm or
correct each suggestion, and it learns from your changes. It runs on iOS, Android and the web, even offline.
@ext.start How do I get started? How long does setup take? Do I need IT to set it up? Sign up at {url} and
follow the setup. Most {customers} finish in {mins} minutes. If you can send email, you can set it up.
@ext.support What if I need help? How do I contact support? Is support included in the price? Chat support is
available in the app from 7 a.m. to 9 p.m., {seven days a week|Monday to Saturday}. A real person answers
within {mins} minutes on average. Support is included in every plan, and short video guides are at {url}/help.
@ext.differ How is {product} different from a spreadsheet? How is this different from what I use today? A
spreadsheet stores your {thing}; {product} tells you which ones need you today. General tools are built for
office teams, while {product} is built for {customers}. Your team does not have to learn a new process.
@ext.data Who can see my data? Is my data safe? Can I export my data if I leave? Only the people you invite
can see your {thing}. Data is encrypted, and {company} never sells it. You can export everything as CSV.
@int.tam How many customers need this? What is the size of the market? Who is the target customer, exactly?
There are about {big} {customers} in our launch countries. We estimate that {pct} percent of them still {task}
by hand. Our target customer has fewer than {n} employees and no office staff.
@int.econ What are the unit economics? How does {product} make money? What does it cost us to serve one
customer? At ${price} per month and churn of {pct} percent a year, a customer pays back its acquisition cost
in {n} months. Serving one customer costs about ${price} a month in infrastructure and support. We expect
gross margin above {pct} percent by the end of year two.
@int.deps What are the dependencies? Which other teams do we need? Are there legal concerns? We depend on the
payments team for billing and on the identity team for sign-in. Two integrations need partner agreements,
which are in negotiation. Legal has reviewed the data flows and found no blocking concerns.
@int.feas Is this technically feasible? What is the hardest part to build? How big is the team? The hardest
part is reading {thing} that arrive in many different formats. A prototype built in {weeks} weeks handled
{pct} percent of real samples correctly. A team of {n} engineers can ship the first version in {weeks} weeks.
@int.risk What are the biggest risks? What could make this fail? The biggest risk is that customers do not
trust the suggestions enough to act on them. We show the reason behind every suggestion to build that trust.
If adoption is below target after {weeks} weeks, we revisit pricing.
@int.metrics How will we measure success? What does success look like after one year? The primary metric is
hours saved per customer per week, measured in the app. Our goal is {k} paying customers in the first year. We
also track the share of suggestions accepted without edits, with a target of {pct} percent.
@noise.passive The {thing} are {reviewed|checked|approved} by a {specialist|manager} before they are
{sent|filed}. Mistakes were made in the old process, and customers were not told. Reports are
{generated|compiled} every night and are {delivered|sent} by email.
@noise.future {product} will support {n} more languages {next year|in {year}}. We will add {an offline mode|a
desktop app|bulk import} soon. The team will launch a version for larger businesses in {year}.
@noise.hype {product} is a {revolutionary|game-changing|groundbreaking} platform for {industry}. It is the
{industry-leading|world-class|best-in-class} {tool|solution} for {customers}. Our cutting-edge,
next-generation engine leverages AI for seamless synergy.
@noise.weasel {Many|Several} customers see {significantly|much} faster results. It is generally very easy to
set up, and most teams should be fine. {product} could save you up to {hours} hours a week, depending on use.
@noise.placeholder Pricing: TBD. {product} costs $XXX per month for [NUMBER] users. [CUSTOMER NAME], a
{customer} in [CITY], is one of the first users.
@noise.acronym {product} uses OCR to read {thing} and an LLM to sum them up. It meets {HIPAA|GDPR} and SOC 2,
and the SLA guarantees 99.9% uptime. Optical character recognition (OCR) reads photos of {thing}.
@noise.code Developers can run `{slug} sync --all` to import everything at once. Set `reminders: daily` in
`{slug}.yaml` to get a morning summary. Call `GET /v1/items?status=open` to list open items.
@noise.url Full documentation lives at https://docs.{slug}.example.com/getting-started. See the pricing page
at {url}/pricing for details. The beta results are summarized in [this report]({url}/beta-report.pdf).
@noise.long Because most {customers} still {task} with {paper forms|sticky notes}, phone calls and
spreadsheets that nobody else on the team can read, every missed entry turns into {a phone call, a refund or a
lost customer|an angry email and a late night}, which is exactly the problem {product} was designed to solve
for teams of {n} people or fewer who cannot afford {an office manager|extra staff}. {product} brings together
your {thing}, your reminders, your team's notes and the history of every change in a single screen that works
on {a phone, a tablet or a laptop|any device}, so that a {customer} who is {on the move|on their feet} all day
can see what needs attention and act on it in {a few seconds|one tap}.
"""
POOLS = {name: body.strip().splitlines() if name in ("domain", "headline")
         else re.split(r"(?<=[.?!])\s+(?=[A-Z{\[])", " ".join(body.split()))
         for name, body in re.findall(r"^@([\w.]+)\s(.*?)(?=^@|\Z)", DATA, re.M | re.S)}
FAQ = {part: [name for name in POOLS if name.startswith(part + ".")] for part in ("ext", "int")}
NOISE = [name for name in POOLS if name.startswith("noise.")]
HEADS = dict(summary="{Summary|Overview}", problem="{Problem|The Problem|Customer Problem|The Challenge}",
             solution="{Solution|How It Works|Introducing {product}}", start="{Getting Started|How to Get Started}",
             spokes="{Quote from a Leader|Spokesperson Quote|What {company} Says}", cta="{Call to Action|Learn More}",
             customer="{Customer Quote|What Customers Say}")

FIRST = "Ana Ben Chloe Dev Elena Farid Grace Hiro Ines Jamal Kofi Lena Marco Nadia Omar Priya Rosa Sami Wen".split()
LAST = "Abara Bauer Chen Diaz Eriksen Garcia Haddad Ito Jensen Kowalski Lee Mensah Novak Okafor Patel Rossi Xu".split()
CITIES = [c.split("|") for c in (  # city | short | long region
    "Seattle|WA|Washington;Austin|TX|Texas;Denver|CO|Colorado;Chicago|IL|Illinois;Boise|ID|Idaho;Omaha|NE|"
    "Nebraska;Atlanta|GA|Georgia;Portland|OR|Oregon;Nashville|TN|Tennessee;Phoenix|AZ|Arizona;Columbus|OH|Ohio;"
    "Raleigh|NC|North Carolina;Toronto|ON|Ontario;Vancouver|BC|British Columbia;London|UK|United Kingdom;"
    "Dublin|IE|Ireland;Bengaluru|KA|Karnataka;Sydney|NSW|New South Wales").split(";")]
COMPANIES = "AnyCompany|Example Corp|Northwind|Contoso|Fabrikam|Tailspin Labs|Litware|Adatum|Woodgrove".split("|")
PROD_A = "Ledger Shift Harbor Beacon Relay Atlas Pantry Route Quill Orbit Ferry Anchor Pulse Lantern Tally".split()
PROD_B = "Flow Desk Book Hub Mate Sync Pad Board Pilot Works Kit Line Base Loop".split()
MONTHS = "January February March April May June July August September October November December".split()
NUMS = {name: values.split("|") for name, values in dict(  # fillers drawn afresh at every use
    n="3|4|5|6|8|10|12|15|20|25|40", k="2,000|5,000|12,000|18,000|25,000|40,000|75,000|90,000",
    big="1.2 million|2.5 million|4 million|7.5 million|12 million|30 million",
    pct="12|18|23|30|37|41|46|52|60|64|71|78|83|90", mins="2|3|5|10|15|20", hours="2|3|4|6|8|10|12",
    price="9|12|19|29|49|99|4.99|149", days="7|14|30|60|90", weeks="4|6|8|10|12|16|26",
    year="2026|2027|2028|2029", month="|".join(MONTHS), other="|".join(c[0] for c in CITIES),
    region="the United States|Canada and the UK|all 50 states|the European Union|Australia and New Zealand"
).items()}
RATES = {"noise.passive": .08, "noise.future": .07, "noise.hype": .05, "noise.weasel": .07, "noise.long": .05,
         "noise.placeholder": .012, "noise.acronym": .05, "noise.code": .04, "noise.url": .04,  # per paragraph
         "comment": .12, "fence": .07, "table": .07, "noq": .03, "tbd": .02}  # per block or question
COMMENTS = ["<!-- TODO: legal sign-off -->", "<!-- reviewer: is this real? -->", "<!-- NOTE: name TBD -->",
            "<!-- keep this under one page! -->", "<!--\nOpen questions:\n- nonprofit pricing\n- countries\n-->"]
FENCES = ["```bash\npip install {slug}\n{slug} init --team \"My Team\"\n{slug} sync --all\n```",
          "```yaml\n{slug}:\n  reminders: daily\n  notify:\n    - email\n```", "```\n$ {slug} status\n{n} open\n```",
          "```python\nfrom {slug} import Client\n\nfor item in Client().items():\n    print(item.id)\n```"]
TABLES = ["| Plan | Users | Price |\n|---|---|---|\n| Starter | 1 | ${price} |\n| Team | {n} | ${price} a month |",
          "| | Today | With {product} |\n|---|---|---|\n| Time on {thing} | {hours} hours | {mins} minutes |"]


class Draft:
    """One PR/FAQ: fixed facts (product, people, places), a style, and a per-draft noise level."""

    def __init__(self, rng: random.Random):
        r = self.r = rng
        customers, customer, task, thing, industry = r.choice(POOLS["domain"]).split("|")
        product, company = r.choice(PROD_A) + r.choice(["", " "]) + r.choice(PROD_B), r.choice(COMPANIES)
        slug, cslug = product.lower().replace(" ", ""), re.sub(r"\W", "", company.lower())
        self.city, (ccity, cst, _) = r.choice(CITIES), r.choice(CITIES)
        self.ctx = dict(product=product, company=company, slug=slug, cslug=cslug, customers=customers,
                        customer=customer, task=task, thing=thing, industry=industry, ccity=ccity, cst=cst,
                        Customers=customers.title(), Task=task.title(), Industry=industry.title(),
                        spokes=f"{r.choice(FIRST)} {r.choice(LAST)}", cname=f"{r.choice(FIRST)} {r.choice(LAST)}",
                        url=r.choice([f"https://{cslug}.example.com/{slug}", f"https://www.{slug}.example.com"]))
        self.rate = {k: v * (0.2 + 1.8 * r.random()) for k, v in RATES.items()}  # how sloppy the author is
        self.width = r.choice([0, 0, 0, 66, 72, 80])  # some authors hard-wrap their prose
        self.headed = r.random() < 0.45  # a heading on every part, or plain paragraphs
        self.hstyle = r.choice(["## {}", "## {}", "### {}", "**{}**"])
        self.out: list[str] = []

    def chance(self, kind: str) -> bool:
        return self.r.random() < self.rate[kind]

    def fill(self, tpl: str, cap: bool = True) -> str:
        s = re.sub(r"\{(\w+)\}", lambda m: self.r.choice(NUMS[m[1]]) if m[1] in NUMS else self.ctx[m[1]], tpl)
        s = re.sub(r"\{([^{}]*\|[^{}]*)\}", lambda m: self.r.choice(m[1].split("|")), s)
        return s[:1].upper() + s[1:] if cap else s

    def pick(self, pool: str, k: int = 1, keep_order: bool = False) -> list[str]:
        chosen = self.r.sample(range(len(POOLS[pool])), k)
        return [self.fill(POOLS[pool][i]) for i in (sorted(chosen) if keep_order else chosen)]

    def wrap(self, text: str) -> str:
        return textwrap.fill(text, self.width, break_long_words=False, break_on_hyphens=False) if self.width else text

    def para(self, sents: list[str], prefix: str = "", wrap: bool = True) -> str:
        """The sentences, with seeded noise sentences mixed in, as one paragraph."""
        sents = list(sents)
        for pool in NOISE:
            if self.chance(pool):
                sents.insert(self.r.randint(1 if prefix else 0, len(sents)), self.pick(pool)[0])
        text = prefix + " ".join(sents)
        return self.wrap(text) if wrap else text

    def blocks(self) -> None:
        """Maybe add an HTML comment, a table or a fenced code block."""
        for kind, options in (("comment", COMMENTS), ("table", TABLES), ("fence", FENCES)):
            if self.chance(kind):
                self.out.append(self.fill(self.r.choice(options), cap=False))

    def head(self, part: str, p: float = 1.0) -> None:
        if self.headed and self.r.random() < p:
            self.out.append(self.hstyle.format(self.fill(HEADS[part])))

    def dateline(self) -> str:
        (city, st, state), m, d, y = self.city, self.r.randrange(12), self.r.randint(1, 28), self.r.randint(2025, 2029)
        date = f"{MONTHS[m]} {d}, {y}"
        if self.chance("noise.placeholder"):
            return f"{city.upper()}, {st} — [DATE] — "
        return self.r.choice([f"{city.upper()}, {st} — {date} — ", f"{city.upper()}--(Business Wire)--{date}-- ",
                              f"**{city}, {state}, {date}** – ", f"{city.upper()} ({date}) – ", "",
                              f"{city}, {st}, {y}-{m + 1:02d}-{d:02d} — ", f"{city.upper()}, {state} – "
                              f"{MONTHS[m][:3]}. {d}, {y} – "])

    def quote(self, body: list[str], who: str) -> None:
        text, style = " ".join(body), self.r.randrange(6)
        if style == 0:
            return self.out.append(f'> "{text}"\n>\n> — {who}')
        self.out.append(self.wrap(
            f'"{body[0][:-1]}," said {who}. "{" ".join(body[1:])}"' if style == 1 and len(body) > 1 else
            f'{who}, said: "{text}"' if style == 2 else
            f'"{text[:-1]}", said {who}.' if style == 3 else f'"{text[:-1]}," said {who}.'))

    def prose(self, part: str) -> None:
        self.head(part)
        sents = self.pick(part, self.r.randint(4, 7))
        split = len(sents) > 4 and self.r.random() < 0.6
        self.out += [self.para(sents[:3]), self.para(sents[3:])] if split else [self.para(sents)]
        self.blocks()

    def getting_started(self) -> None:
        r = self.r
        self.head("start")
        steps = self.pick("steps", r.randint(3, 4), keep_order=True)
        if self.chance("noise.code"):
            steps.insert(1, self.pick("noise.code")[0])
        if r.random() < 0.55:
            self.out.append(self.para(self.pick("start_intro")))
            numbered = r.random() < 0.6
            self.out.append("\n".join(f"{i}. {s}" if numbered else f"- {s}" for i, s in enumerate(steps, 1)))
        else:
            words = ["First,", "Next,", "Then", "After that,"][: len(steps) - 1] + ["Finally,"]
            self.out.append(self.para(self.pick("start_intro") + [
                f"{w} {s[0].lower()}{s[1:]}" for w, s in zip(words, steps)]))
        self.blocks()

    def customer_quote(self) -> None:
        self.head("customer")
        self.quote(self.pick("customer", self.r.choice([1, 2, 2])), self.fill(
            "{cname}, {a {customer} in {ccity}, {cst}|a {customer} from {ccity} who joined the beta in "
            "{month}|who runs a {n}-person {industry} business in {ccity}|{customer}, {ccity}}"))

    def faq(self, target: int) -> None:
        r = self.r
        style, split = r.choice(["heading", "heading", "bold", "bold", "qa", "list"]), r.randrange(5)
        numbered, plain_qa = style in ("heading", "bold") and r.random() < 0.3, r.random() < 0.5
        # split: 0-1 "### External FAQ", 2 "## External FAQ" under "# FAQ", 3 a bold line, 4 not split
        self.out.append(("# " if split == 2 else "## ") + self.fill("{FAQ|Frequently Asked Questions|FAQs|Q&A}"))
        num = 0
        for part, goal in (("ext", 0.78), ("int", 1.0)):
            if split < 4:
                name = self.fill("{External FAQ|Customer FAQ|Customer Questions}" if part == "ext" else
                                 "{Internal FAQ|Stakeholder FAQ|Internal FAQ (not for publication)}")
                self.out.append(("### {}", "### {}", "## {}", "**{}**")[split].format(name))
            for i, pool in enumerate(r.sample(FAQ[part], len(FAQ[part]))):
                if i >= 2 and sum(len(b.split()) for b in self.out) >= target * goal:
                    break
                num += 1
                q = self.fill(r.choice([t for t in POOLS[pool] if t.endswith("?")]))
                q = (f"{num}. " if numbered else "") + (q.rstrip("?") if self.chance("noq") else q)
                answers = [t for t in POOLS[pool] if not t.endswith("?")]
                if self.chance("tbd"):
                    a = self.fill("{TBD.|TODO: ask finance.|[ANSWER]|We are still working this out. TBD.}")
                else:
                    k = min(len(answers), r.choice([2, 2, 3, 3, 4]))
                    picked = sorted(r.sample(range(len(answers)), k))
                    a = self.para([self.fill(answers[j]) for j in picked], wrap=style != "list")
                self.out.append(f"{'#' * (4 if split < 2 else 3)} {q}\n\n{a}" if style == "heading" else
                                f"**{q}**\n\n{a}" if style == "bold" else f"- **{q}**\n  {a}" if style == "list"
                                else f"Q: {q}\nA: {a}" if plain_qa else f"**Q:** {q}\n\n**A:** {a}")
                if pool == "ext.price" and self.chance("table"):
                    self.out.append(self.fill(TABLES[0], cap=False))
                if pool in ("ext.how", "ext.start", "int.feas") and self.chance("fence"):
                    self.out.append(self.fill(r.choice(FENCES), cap=False))
                if self.chance("comment"):
                    self.out.append(r.choice(COMMENTS))

    def build(self) -> str:
        r, o, c = self.r, self.out, self.ctx
        target = r.randint(880, 1180)  # words as `wc -w` counts them
        title = self.fill(r.choice(POOLS["headline"]))
        if r.random() < 0.3:
            status = r.choice(["draft", "review", "final"])
            o.append(f'---\ntitle: "{title}"\ntype: prfaq\nauthor: {c["spokes"]}\nstatus: {status}\n---')
        if not o or r.random() < 0.4:
            o.append("# " + title)
        o.append(r.choice(["## {}", "### {}", "*{}*", "_{}_", "**{}**"]).format(self.pick("subhead")[0]))
        self.head("summary", 0.4)
        o.append(self.para(self.pick("lead") + self.pick("lead_more", r.randint(2, 4)), prefix=self.dateline()))
        self.blocks()
        self.prose("problem")
        self.prose("solution")
        self.head("spokes")
        body = self.pick("spokes", r.randint(2, 3))
        if self.chance("noise.hype"):
            body[0] = self.pick("excited")[0]
        role = self.fill("{Vice President of {Industry}|General Manager of {product}|Director of Product|"
                         "Head of Customer Experience|Chief Executive Officer|Founder and CEO}")
        role += r.choice(["", f" at {c['company']}"])
        self.quote(body, "[NAME], [TITLE]" if self.chance("noise.placeholder") else f"{c['spokes']}, {role}")
        parts = [self.getting_started, self.customer_quote]  # usually in this order
        for part in parts if r.random() < 0.75 else parts[::-1]:
            part()
        self.head("cta")
        o.append(self.para(self.pick("cta") + (self.pick("cta_more") if r.random() < 0.5 else [])))
        self.faq(target)
        return "\n\n".join(o) + "\n"


def generate(out_dir: Path, count: int, seed: int = 7) -> list[Path]:
    """Write `count` drafts to out_dir as prfaq-00000.md, ...; the same seed gives the same bytes."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"prfaq-{i:05d}.md" for i in range(count)]
    for i, path in enumerate(paths):  # a str seed goes through SHA-512: stable across runs and platforms
        path.write_bytes(Draft(random.Random(f"wblint-corpus-{seed}-{i}")).build().encode("utf-8"))
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description="Write seeded synthetic PR/FAQ drafts for benchmarks.")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    start = time.perf_counter()
    paths = generate(args.out_dir, args.count, args.seed)
    elapsed, texts = time.perf_counter() - start, [p.read_bytes() for p in paths]
    words, size = sum(len(t.split()) for t in texts), sum(len(t) for t in texts)
    print(f"{len(paths)} drafts in {args.out_dir}: {words:,} words ({words / max(len(paths), 1):,.0f} per draft), "
          f"{size / 1e6:.1f} MB, generated in {elapsed:.2f} s")


if __name__ == "__main__":
    main()
