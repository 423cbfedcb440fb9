//! Word lists the generator draws names, titles and claim texts from.
//!
//! A few entries hold characters JSON must escape (`"`) or multi-byte UTF-8 (`’`, `—`, `é`),
//! so that every generated graph exercises the loader's string handling.

/// claimgraph's recommended tag vocabulary (docs/format.md §3), less `intelligence`, which the generator hands out on its own.
pub static TAGS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    claimgraph::model::TAG_VOCABULARY
        .iter()
        .copied()
        .filter(|t| *t != "intelligence")
        .collect()
});

pub const COUNTRIES: &[&str] = &[
    "North Korea",
    "South Korea",
    "Russia",
    "China",
    "Japan",
    "United States",
    "Ukraine",
    "Iran",
    "Mongolia",
    "Vietnam",
    "Germany",
    "France",
    "United Kingdom",
    "Türkiye",
    "India",
    "Brazil",
];

pub const REGIONS: &[&str] = &[
    "National",
    "Eastern",
    "Northern",
    "Central",
    "Pacific",
    "Korean",
    "Federal",
    "Allied",
    "Baltic",
    "Global",
    "Maritime",
    "Continental",
];

pub const ORG_NOUNS: &[&str] = &[
    "Intelligence Service",
    "News Agency",
    "Defense Ministry",
    "Broadcasting Corporation",
    "Policy Institute",
    "Statistics Office",
    "Central Bank",
    "Monitoring Group",
    "Daily",
    "Shipping Company",
    "Research Center",
    "Press Service",
];

pub const FIRST_NAMES: &[&str] = &[
    "Min-jun", "Anna", "Sergei", "Hyun", "Laura", "Dmitri", "Ji-woo", "Peter", "Olga", "Kenji",
    "Renée", "Tomás", "Mei", "Andrei", "Sarah", "Yuna",
];

pub const LAST_NAMES: &[&str] = &[
    "Kim",
    "Park",
    "Ivanova",
    "Lee",
    "Smith",
    "Petrov",
    "Choi",
    "Müller",
    "Tanaka",
    "Novak",
    "O’Neill",
    "Zhang",
    "Jung",
    "Rossi",
    "Dubois",
    "Han",
];

pub const SUBJECTS: &[&str] = &[
    "North Korea",
    "Russia",
    "The defense ministry",
    "Officials",
    "The central bank",
    "Pyongyang",
    "Moscow",
    "A shipper",
    "Two cargo vessels",
    "The regime",
    "Kim Jong Un’s government",
    "Military units",
];

pub const VERBS: &[&str] = &[
    "has shipped",
    "is preparing",
    "has received",
    "plans to expand",
    "is negotiating",
    "secretly moved",
    "has doubled",
    "suspended",
    "will deliver",
    "began trading",
];

pub const OBJECTS: &[&str] = &[
    "artillery shells to the front",
    "ballistic missiles by rail",
    "grain exports through Nampo",
    "oil above the agreed cap",
    "workers to the Far East",
    "fighter jet components",
    "coal cargoes to Vladivostok",
    "drone parts via Iran",
    "engineers to the test range",
    "refined fuel by tanker",
];

pub const QUALIFIERS: &[&str] = &[
    "since August 2023",
    "in the first half",
    "despite UN sanctions",
    "at a record pace",
    "for the third time",
    "in a barter deal",
    "per customs data",
    "— an account officials call \"baseless\"",
    "through a front company",
    "before the summit",
];

pub const TOPICS: &[&str] = &[
    "arms",
    "economy",
    "sanctions",
    "energy",
    "labor",
    "diplomacy",
    "trade",
    "missiles",
    "shipping",
    "finance",
];

pub const VERDICTS: &[&str] = &[
    "true",
    "mostly-true",
    "mixed",
    "mostly-false",
    "false",
    "unproven",
];

pub const QUOTES: &[&str] = &[
    "we have seen clear evidence of the transfers",
    "these reports are a fabrication",
    "the shipments continued through the winter",
    "a senior official, speaking on condition of anonymity, confirmed it",
    "numbers like these are \"implausible\"",
];
