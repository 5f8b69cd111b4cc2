"""Who sent a mail: a hiring platform, a job board, a free mailbox, or an organisation's own domain."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from publicsuffixlist import PublicSuffixList

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
        "civilservicejobs.service.gov.uk",
        "apsjobs.gov.au",
        "publicjobs.ie",
        "jobtrain.co.uk",
        "pageuppeople.com",
        "snaphire.com",
        "rezoomo.com",
        "dayforcehcm.com",
        "dayforce.com",
        "applytoeducation.com",
        "werkenvoornederland.nl",
        "iworkfor.nsw.gov.au",
        "smartjobs.qld.gov.au",
        "erecruiter.pl",
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
        "cappfinity.com",
        "sonru.com",
        "testreach.com",
        "savilleassessment.com",
        "hoganassessments.com",
        "testpartnership.com",
        "prometric.com",
        "reliaslearning.com",
        "prophecyhealth.com",
        "assessfirst.com",
        "harver.com",
        "vervoe.com",
        "thomas.co",
        "questionmark.com",
        "alvalabs.io",
        "maki-people.com",
        "talview.com",
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
        "xref.com",
        "referoo.com.au",
        "drivercheck.ca",
        "vetting.garda.ie",
        "authbridge.com",
        "ongrid.in",
        "securcredentials.com",
        "idfy.com",
        "justis.nl",
        "questdiagnostics.com",
        "nursys.com",
        "wafid.com",
        "uksv.cabinetoffice.gov.uk",
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
        "gazette.education.govt.nz",
        "educationposts.ie",
        "eteach.com",
        "tes.com",
        "teachinwales.co.uk",
        "seek.co.nz",
        "trademe.co.nz",
        "dogoodjobs.co.nz",
        "irishjobs.ie",
        "eurobrussels.com",
        "devex.com",
        "impactpool.org",
        "unjobs.org",
        "reliefweb.int",
        "emploi.sn",
        "rekrute.com",
        "carrieresdafrique.com",
        "laborum.cl",
        "bumeran.com.pe",
        "jobboom.com",
        "energytransitionjobs.ca",
        "ejobs.ro",
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
# Where names are registered (co.uk, edu.tr, krakow.pl) comes from the Public Suffix List, kept current by its
# package; a public body's department sits under a shared parent the list does not name (europa.eu, admin.ch).
_SUFFIXES: Final = PublicSuffixList()
_SHARED_PARENTS: Final = frozenset({"europa.eu", "admin.ch"})


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


@lru_cache(maxsize=8_192)
def domain_labels(domain: str) -> tuple[str, tuple[str, ...]]:
    """The organisation label of a domain and the labels in front of it: mail.stripe.co.uk -> ('stripe', ('mail',)),
    ku.edu.tr -> ('ku', ())."""
    labels = [label for label in domain.lower().strip(". ").split(".") if label]
    if len(labels) < 2:
        return (labels[0] if labels else ""), ()
    suffix = _SUFFIXES.publicsuffix(".".join(labels)) or labels[-1]
    shared = 2 if ".".join(labels[-2:]) in _SHARED_PARENTS else 0
    cut = min(len(labels), max(suffix.count(".") + 2, shared + 1))
    return labels[-cut], tuple(labels[:-cut])


def registered_domain(domain: str) -> str:
    """A domain without the hosts in front of the organisation's own: karriere.ehs-salzach.at -> ehs-salzach.at."""
    _, front = domain_labels(domain)
    return ".".join([label for label in domain.lower().strip(". ").split(".") if label][len(front) :])


def host_of(url: str | None) -> str:
    """The host name of a URL, or ''."""
    if not url:
        return ""
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0].split("@")[-1].split(":")[0].lower()
