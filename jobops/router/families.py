"""Brand families: the other names one employer writes under (AWS for Amazon, Shopee for Sea, ユニクロ for Uniqlo)."""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from jobops.router.employers import employer_tokens

# Each family: every name a candidate may type for the employer, and every name its mail may use.
FAMILIES: Final[tuple[tuple[str, ...], ...]] = (
    ("Amazon", "Amazon Web Services", "AWS", "Amazon.com", "Amazon Jobs", "Audible", "Twitch"),
    ("Meta", "Meta Platforms", "Facebook", "Instagram", "WhatsApp", "Reality Labs"),
    ("Google", "Alphabet", "YouTube", "DeepMind", "Google DeepMind", "Google Cloud"),
    ("Microsoft", "GitHub", "Xbox"),
    ("Sea", "Sea Group", "Sea Limited", "Shopee", "Garena", "SeaMoney", "Monee", "Shopee Xpress"),
    ("Block", "Square", "Cash App", "Afterpay", "TIDAL", "Spiral"),
    ("PayPal", "Venmo", "Braintree"),
    ("Salesforce", "Slack", "Tableau", "MuleSoft"),
    ("Atlassian", "Trello", "Loom"),
    ("Intuit", "TurboTax", "QuickBooks", "Mailchimp", "Credit Karma"),
    ("ByteDance", "TikTok", "Lark"),
    ("Alibaba", "Alibaba Group", "Alibaba Cloud", "Lazada", "Ant Group", "阿里巴巴"),
    ("Tencent", "WeChat", "腾讯", "騰訊"),
    ("Booking.com", "Booking Holdings", "Agoda", "Kayak"),
    ("Wise", "TransferWise"),
    ("Mercado Libre", "MercadoLibre", "Mercado Pago"),
    ("Inditex", "Zara", "Bershka", "Massimo Dutti", "Pull&Bear", "Stradivarius", "Oysho"),
    ("Fast Retailing", "Uniqlo", "ユニクロ", "ファーストリテイリング", "优衣库", "優衣庫"),
    ("Ryohin Keikaku", "Muji", "無印良品", "良品計画"),
    ("Pan Pacific International", "PPIH", "Don Quijote", "Don Don Donki", "ドン・キホーテ", "ドンキ"),
    ("Daiso", "Daiso Industries", "ダイソー", "大創"),
    ("Seven & i", "7-Eleven", "Seven-Eleven", "セブン-イレブン", "セブンイレブン", "세븐일레븐"),
    ("Starbucks", "スターバックス", "星巴克", "스타벅스"),
    ("IKEA", "Ingka", "イケア", "宜家", "이케아"),
    ("Coupang", "쿠팡"),
    ("Samsung", "Samsung Electronics", "삼성", "삼성전자"),
    ("Yamato Transport", "Yamato", "ヤマト運輸", "Kuroneko"),
    ("Rakuten", "楽天"),
    ("Mercari", "メルカリ"),
    ("Sony", "ソニー"),
    (
        "Marriott",
        "Marriott International",
        "マリオット",
        "萬豪",
        "万豪",
        "W Hotels",
        "Sheraton",
        "Westin",
        "Ritz-Carlton",
    ),
    ("Accor", "Novotel", "Sofitel", "Pullman", "Mercure", "ibis", "Fairmont", "Swissôtel", "Raffles"),
    ("Meliá", "Meliá Hotels International", "Gran Meliá", "INNSiDE", "Paradisus", "ME by Meliá"),
    ("Hilton", "DoubleTree", "Hampton by Hilton", "Waldorf Astoria", "Conrad Hotels", "Canopy by Hilton"),
    (
        "IHG",
        "IHG Hotels & Resorts",
        "InterContinental",
        "Holiday Inn",
        "Crowne Plaza",
        "Kimpton",
        "Hotel Indigo",
    ),
    ("Hyatt", "Park Hyatt", "Grand Hyatt", "Andaz"),
    ("Pestana", "Pestana Hotel Group", "Pousadas de Portugal"),
    ("Sonae", "Sonae MC", "Continente", "Worten"),
    ("Decathlon", "デカトロン", "迪卡侬"),
    ("Allegro", "Allegro.pl"),
    ("Klarna", "Klarna Bank"),
    (
        "Johnson & Johnson",
        "J&J",
        "JNJ",
        "Janssen",
        "Janssen Pharmaceutica",
        "Johnson & Johnson Innovative Medicine",
    ),
    ("Roche", "F. Hoffmann-La Roche", "Hoffmann-La Roche", "Genentech", "Chugai"),
    ("GSK", "GlaxoSmithKline", "ViiV Healthcare"),
    ("Sanofi", "Genzyme", "Ablynx"),
    ("Merck", "MSD", "Merck Sharp & Dohme"),
    ("AstraZeneca", "Alexion"),
    ("Pfizer", "Seagen"),
    ("Nestlé", "Nespresso", "Purina"),
    ("Procter & Gamble", "P&G"),
    ("L'Oréal", "Lancôme", "Garnier"),
    ("LVMH", "Sephora", "Louis Vuitton", "Dior", "Moët Hennessy"),
    ("Quebecor", "Vidéotron"),
    ("Peloton", "Peloton Interactive"),
)


def _key(name: str) -> str:
    """A name without case, accents, punctuation or legal form: 'Amazon.com, Inc.' -> 'amazon com'."""
    return " ".join(employer_tokens(name))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Normalised name -> its whole family."""
    return {_key(name): family for family in FAMILIES for name in family}


def family_names(employer: str) -> tuple[str, ...]:
    """The other names of an employer's brand family ('AWS' -> 'Amazon', 'Amazon Web Services', ...), or ()."""
    key = _key(employer)
    return tuple(name for name in _index().get(key, ()) if _key(name) != key)
