"""Who sent a mail: a hiring platform, a job board, a free mailbox, or an organisation's own domain."""

from __future__ import annotations

from typing import Final

ATS: Final = "ats"
SCHEDULING: Final = "scheduling"
ASSESSMENT: Final = "assessment"
JOB_BOARD: Final = "job_board"
FREE_MAIL: Final = "free_mail"
SIGNATURE: Final = "e-signature"
BACKGROUND: Final = "background_check"
# Kinds whose addresses are shared by many employers: the sender says nothing about the employer.
PLATFORM_KINDS: Final = frozenset({ATS, SCHEDULING, ASSESSMENT, SIGNATURE, BACKGROUND})
# Addresses of services inside an employer's own domain: Google Calendar's invitations are not Google hiring.
_SERVICE_ADDRESSES: Final[dict[str, str]] = {
    "calendar-notification@google.com": SCHEDULING,
    "calendar-server@google.com": SCHEDULING,
    "noreply-calendar@google.com": SCHEDULING,
    "calendar@outlook.com": SCHEDULING,
    "no-reply@zoom.us": SCHEDULING,
    "no-reply@teams.microsoft.com": SCHEDULING,
    "noreply@teams.microsoft.com": SCHEDULING,
    "no-reply@microsoft.com": SCHEDULING,
    "noreply@microsoft.com": SCHEDULING,
    "noreply@zoom.us": SCHEDULING,
    "meetings-noreply@google.com": SCHEDULING,
}

_DOMAINS: Final[dict[str, tuple[str, ...]]] = {
    ATS: (
        "greenhouse.io",
        "greenhouse-mail.io",
        "lever.co",
        "myworkday.com",
        "myworkdayjobs.com",
        "workday.com",
        "ashbyhq.com",
        "smartrecruiters.com",
        "icims.com",
        "jobvite.com",
        "workable.com",
        "workablemail.com",
        "bamboohr.com",
        "recruitee.com",
        "teamtailor.com",
        "teamtailor-mail.com",
        "successfactors.com",
        "successfactors.eu",
        "sapsf.com",
        "sapsf.eu",
        "taleo.net",
        "personio.de",
        "personio.com",
        "jobylon.com",
        "pinpointhq.com",
        "breezy.hr",
        "jazzhr.com",
        "applytojob.com",
        "welcomekit.co",
        "rippling.com",
        "dover.com",
        "comeet.co",
        "softgarden.de",
        "join.com",
        "homerun.co",
        "oraclecloud.com",
        "avature.net",
        "jobs.nhs.uk",
        "trac.jobs",
        "umantis.com",
        "taleo.com",
        "brassring.com",
        "cornerstoneondemand.com",
        "peopleadmin.com",
        "schooljobs.com",
        "governmentjobs.com",
        "hibob.com",
        "factorialhr.com",
        "gupy.io",
        "kenoby.com",
        "hrmos.co",
        "herp.cloud",
        "mokahr.com",
        "beisen.com",
        "interfolio.com",
        "varbi.com",
        "greetinghr.com",
        "incruit.com",
        "emply.net",
    ),
    SCHEDULING: (
        "calendly.com",
        "goodtime.io",
        "modernloop.io",
        "gem.com",
        "prelude.co",
        "paradox.ai",
        "cal.com",
        "yougotcalendly.com",
        # calendars and chat relays of workplace suites: they pass on whoever writes
        "feishu.cn",
        "larksuite.com",
        "worksmobile.com",
        "work.weixin.qq.com",
        "rallyhire.com",
    ),
    ASSESSMENT: (
        "hackerrank.com",
        "hackerrankforwork.com",
        "codility.com",
        "codesignal.com",
        "testgorilla.com",
        "coderbyte.com",
        "coderpad.io",
        "karat.com",
        "hirevue.com",
        "devskiller.com",
        "qualified.io",
        "mettl.com",
        "canditech.io",
        "criteriacorp.com",
        "pymetrics.ai",
        "byteboard.dev",
        "shl.com",
        "shl.co.jp",
        "recruit-ms.co.jp",
        "pipplet.com",
        "cut-e.com",
        "plum.io",
        "versant.pearson.com",
        "evaluar.com",
    ),
    SIGNATURE: (
        "docusign.net",
        "docusign.com",
        "echosign.com",
        "adobesign.com",
        "hellosign.com",
        "dropboxsign.com",
        "pandadoc.com",
        "signnow.com",
        "yousign.com",
        "clicksign.com",
        "modusign.co.kr",
        "cloudsign.jp",
    ),
    BACKGROUND: (
        "checkr.com",
        "hireright.com",
        "sterlingcheck.com",
        "sterlingtalentsolutions.com",
        "fadv.com",
        "ucheck.co.uk",
        "goodhire.com",
        "certn.co",
        "accurate.com",
        "crimcheck.net",
        "disclosurescotland.gov.uk",
        "backcheck.jp",
        "spector.co.kr",
    ),
    JOB_BOARD: (
        "linkedin.com",
        "indeed.com",
        "glassdoor.com",
        "stepstone.de",
        "xing.com",
        "welcometothejungle.com",
        "infojobs.net",
        "ziprecruiter.com",
        "monster.com",
        "otta.com",
        "wellfound.com",
        "dice.com",
        "reed.co.uk",
        "totaljobs.com",
        "jobteaser.com",
        "apec.fr",
        "hellowork.com",
        "simplyhired.com",
        "seek.com.au",
        "builtin.com",
        "hired.com",
        "jobstreet.com",
        "jobsdb.com",
        "mycareersfuture.gov.sg",
        "rikunabi.com",
        "mynavi.jp",
        "wantedly.com",
        "doda.jp",
        "saramin.co.kr",
        "jobkorea.co.kr",
        "104.com.tw",
        "zhaopin.com",
        "51job.com",
        "naukri.com",
        "pracuj.pl",
        "jobs.cz",
        "kariyer.net",
        "jobindex.dk",
        "finn.no",
        "monster.de",
        "computrabajo.com",
        "catho.com.br",
        "infojobs.it",
        "glassdoor.co.uk",
        "bizreach.jp",
        "en-japan.com",
        "zhipin.com",
        "liepin.com",
        "1111.com.tw",
        "topcv.vn",
        "vietnamworks.com",
        "careerviet.vn",
        "jobthai.com",
        "jobstreet.com.my",
        "jobstreet.com.ph",
        "kalibrr.com",
        "bumeran.com.ar",
        "net-empregos.com",
        "infojobs.com.br",
        "trabajando.com",
        "elempleo.com",
        "idealist.org",
        "charityvillage.com",
        "bayt.com",
        "jobs.ac.uk",
        "gulftalent.com",
    ),
    FREE_MAIL: (
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "yandex.com",
        "mail.com",
    ),
}
_KIND_BY_DOMAIN: Final = {domain: kind for kind, domains in _DOMAINS.items() for domain in domains}
_TWO_PART_SUFFIXES: Final = frozenset(
    {
        "co.uk",
        "org.uk",
        "ac.uk",
        "gov.uk",
        "com.au",
        "net.au",
        "co.nz",
        "co.jp",
        "co.kr",
        "com.br",
        "com.mx",
        "com.es",
        "com.ar",
        "co.in",
        "co.za",
        "com.sg",
        "com.tr",
        "com.cn",
        "com.vn",
        "co.th",
        "com.my",
        "com.tw",
        "com.hk",
        "com.ph",
        "co.id",
        "com.co",
        "com.pe",
        "com.uy",
        "com.ec",
        "ne.jp",
        "or.jp",
        "or.kr",
        "org.tw",
        "com.pl",
        "co.il",
        # Shared parents of public bodies: each agency or department is the label in front of them.
        "europa.eu",
        "gov.au",
        "gov.ie",
        "govt.nz",
        "gov.sg",
        "gov.my",
        "gov.ph",
        "gov.in",
        "gov.za",
        "gov.hk",
        "gov.br",
        "gov.pl",
        "gov.vn",
        "gob.es",
        "gob.mx",
        "gob.cl",
        "gob.pe",
        "gouv.fr",
        "gc.ca",
        "admin.ch",
        "gv.at",
        "go.jp",
        "go.kr",
        "go.th",
        "go.id",
        "nhs.uk",
        "ac.nz",
        "ac.jp",
        "ac.kr",
        "ac.za",
        "ac.in",
        "edu.au",
        "edu.sg",
        "school.nz",
    }
)


def platform_domains() -> tuple[str, ...]:
    """Domains of the platforms that send mail for employers (applicant tracking, scheduling, assessment)."""
    return tuple(domain for kind in sorted(PLATFORM_KINDS) for domain in _DOMAINS[kind])


def is_service_address(address: str) -> bool:
    """Whether an address is a service inside a company's own domain (Google Calendar), not the company writing."""
    return address.lower() in _SERVICE_ADDRESSES


def sender_kind(domain: str, address: str = "") -> str | None:
    """The kind of a sender (address, domain or any parent domain: hire.lever.co is lever.co), or None."""
    if address.lower() in _SERVICE_ADDRESSES:
        return _SERVICE_ADDRESSES[address.lower()]
    labels = domain.lower().strip(". ").split(".")
    for start in range(len(labels) - 1):
        kind = _KIND_BY_DOMAIN.get(".".join(labels[start:]))
        if kind:
            return kind
    return None


def domain_labels(domain: str) -> tuple[str, tuple[str, ...]]:
    """The organisation label of a domain and the labels in front of it: mail.stripe.co.uk -> ('stripe', ('mail',))."""
    labels = [label for label in domain.lower().strip(". ").split(".") if label]
    if len(labels) < 2:
        return (labels[0] if labels else ""), ()
    cut = 3 if ".".join(labels[-2:]) in _TWO_PART_SUFFIXES and len(labels) >= 3 else 2
    return labels[-cut], tuple(labels[:-cut])


def host_of(url: str | None) -> str:
    """The host name of a URL, or ''."""
    if not url:
        return ""
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("@")[-1].split(":")[0].lower()
