//! What a found host or number *is*, according to the pack: which platform (by domain suffix),
//! whether a bare `name.tld` counts as a link at all, whether a digit run is a telephone number
//! in some numbering plan — and which rule applies.
//!
//! Built once per region when the engine first uses it ([`LinkIndex::new`]): hash maps for
//! domains and TLDs, the phrase tries, the numbering plans. A check never re-reads the pack.

use super::phrases::PhraseIndex;
use super::scanner::PhoneRun;
use crate::error::{Error, ErrorCode};
use crate::fast_hash::{FastMap, FastSet};
use crate::pack::{Category, FIXED_RULES, LinkRule, LinksPolicy, PhonePlan};

/// A catalog platform, resolved to its rule.
#[derive(Debug, Clone)]
pub struct PlatformEntry {
    /// Catalog id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Category.
    pub category: Category,
    /// Index of the rule in [`LinkIndex::rules`].
    pub rule: usize,
}

/// Indexes of the rules for findings that are not catalog platforms.
#[derive(Debug, Clone, Copy)]
pub struct FixedRules {
    /// A site outside the catalog.
    pub other_link: usize,
    /// An e-mail address.
    pub email: usize,
    /// A telephone number.
    pub phone: usize,
    /// A messenger id or number.
    pub messenger_handle: usize,
    /// A social media handle.
    pub social_handle: usize,
}

/// The links section of one region's pack, compiled for evaluation.
#[derive(Debug, Clone)]
pub struct LinkIndex {
    /// The rules, in pack order.
    pub rules: Vec<LinkRule>,
    /// The catalog platforms.
    pub platforms: Vec<PlatformEntry>,
    /// Rules for findings outside the catalog.
    pub fixed: FixedRules,
    /// Rule index of each call-to-action group.
    pub cta_rules: Vec<usize>,
    /// Phrases and aliases.
    pub phrases: PhraseIndex,
    domains: FastMap<String, usize>,
    tlds: FastSet<String>,
    catalog_tlds: FastSet<String>,
    plans: Vec<PhonePlan>,
    national_plan: Option<usize>,
}

impl LinkIndex {
    /// Compiles a validated pack's links section for `region`.
    pub fn new(links: &LinksPolicy, region: &str) -> Result<LinkIndex, Error> {
        let rule_index = |id: &str| -> Result<usize, Error> {
            links.rules.iter().position(|r| r.meta.id == id).ok_or_else(|| {
                Error::invalid_pack(vec![Error::new(
                    ErrorCode::UnknownReference,
                    "links.rules",
                    format!("no link rule has the id \"{id}\""),
                )])
            })
        };
        let mut platforms = Vec::with_capacity(links.catalog.len());
        let mut domains = FastMap::default();
        for platform in &links.catalog {
            let category_rule = links
                .categories
                .iter()
                .find(|c| c.category == platform.category)
                .map(|c| c.rule.as_str())
                .unwrap_or_default();
            let rule = rule_index(platform.rule.as_deref().unwrap_or(category_rule))?;
            for domain in &platform.domains {
                domains.insert(domain.clone(), platforms.len());
            }
            platforms.push(PlatformEntry {
                id: platform.id.clone(),
                name: platform.name.clone(),
                category: platform.category,
                rule,
            });
        }
        let [other_link, email, phone, messenger_handle, social_handle] =
            FIXED_RULES.map(rule_index);
        let fixed = FixedRules {
            other_link: other_link?,
            email: email?,
            phone: phone?,
            messenger_handle: messenger_handle?,
            social_handle: social_handle?,
        };
        let mut cta_rules = Vec::with_capacity(links.calls_to_action.len());
        for cta in &links.calls_to_action {
            cta_rules.push(rule_index(&cta.rule)?);
        }
        let templates = links.calls_to_action.iter().enumerate().flat_map(|(group, cta)| {
            cta.phrases
                .iter()
                .flat_map(move |(_, list)| list.iter().map(move |p| (group, p.as_str())))
        });
        let aliases = links
            .catalog
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.aliases.iter().map(move |a| (i, p.category, a.as_str())));
        Ok(LinkIndex {
            rules: links.rules.clone(),
            platforms,
            fixed,
            cta_rules,
            phrases: PhraseIndex::new(templates, aliases),
            domains,
            tlds: links.known_tlds.iter().cloned().collect(),
            catalog_tlds: links
                .catalog
                .iter()
                .flat_map(|p| &p.domains)
                .filter_map(|d| d.rsplit('.').next().map(str::to_owned))
                .collect(),
            plans: links.phone.plans.clone(),
            national_plan: links.phone.plans.iter().position(|p| p.region == region),
        })
    }

    /// The catalog platform whose domain is `host` or a suffix of it at a label boundary.
    pub fn platform_of(&self, host: &str) -> Option<usize> {
        let mut rest = host;
        loop {
            if let Some(&platform) = self.domains.get(rest) {
                return Some(platform);
            }
            let dot = rest.find('.')?;
            rest = rest.get(dot + 1..)?;
        }
    }

    /// Whether `host` is exactly one of `platform`'s domains (or its `www.` form).
    pub fn is_domain_of(&self, host: &str, platform: usize) -> bool {
        let bare = host.strip_prefix("www.").unwrap_or(host);
        self.domains.get(bare) == Some(&platform)
    }

    /// Whether a host ending in `tld`, written with separators like `disguise`, could be a
    /// link at all (`marked`: it has a scheme or starts with `www.`): the cheap first test.
    pub fn plausible_tld(
        &self,
        tld: &str,
        disguise: super::scanner::Disguise,
        marked: bool,
    ) -> bool {
        let alphabetic = (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
            || tld.starts_with("xn--");
        alphabetic
            && match disguise {
                super::scanner::Disguise::Prose => self.catalog_tlds.contains(tld),
                _ => marked || self.tlds.contains(tld) || self.catalog_tlds.contains(tld),
            }
    }

    /// Whether `tld` makes a bare `name.tld` a link.
    pub fn known_tld(&self, tld: &str) -> bool {
        self.tlds.contains(tld)
    }

    /// Whether a digit run reads as a telephone number: in international form, for any plan
    /// (or any plausible E.164 length for a country code the pack has no plan for); in national
    /// form, for the region's own plan first, then any other plan. A national
    /// number in a plan without a trunk prefix (US, SG) must be written in separated groups or
    /// announced by a messenger or phone word (`keyword`), since bare digit runs of that length
    /// are as often amounts or references.
    pub fn is_phone(&self, run: &PhoneRun, keyword: bool) -> bool {
        let digits = run.digits.as_str();
        if run.international {
            let by_plan = self.plans.iter().any(|plan| {
                digits.strip_prefix(plan.country_code.as_str()).is_some_and(|national| {
                    // "+62 (0)812…": a trunk prefix written after the country code.
                    let without_trunk = if plan.trunk_prefix.is_empty() {
                        None
                    } else {
                        national.strip_prefix(plan.trunk_prefix.as_str())
                    };
                    fits(plan, national) || without_trunk.is_some_and(|n| fits(plan, n))
                })
            });
            let known_code =
                self.plans.iter().any(|plan| digits.starts_with(plan.country_code.as_str()));
            return by_plan || (!known_code && (8..=15).contains(&digits.len()));
        }
        let national = |plan: &PhonePlan| -> bool {
            if plan.trunk_prefix.is_empty() {
                (run.separated || keyword || usize::from(plan.min_length) >= 11)
                    && fits(plan, digits)
            } else {
                digits.strip_prefix(plan.trunk_prefix.as_str()).is_some_and(|rest| fits(plan, rest))
            }
        };
        let own = self.national_plan.and_then(|i| self.plans.get(i));
        own.is_some_and(national) || self.plans.iter().any(national)
    }
}

fn fits(plan: &PhonePlan, national: &str) -> bool {
    (usize::from(plan.min_length)..=usize::from(plan.max_length)).contains(&national.len())
        && plan.leading_digits.iter().any(|lead| national.starts_with(lead.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::builtin_pack;

    fn index(region: &str) -> LinkIndex {
        let pack = builtin_pack(region).unwrap().unwrap();
        LinkIndex::new(&pack.links, region).unwrap()
    }

    #[test]
    fn platforms_match_by_domain_suffix_at_label_boundaries() {
        let index = index("ID");
        let id = |host: &str| index.platform_of(host).map(|p| index.platforms[p].id.as_str());
        assert_eq!(id("shopee.co.id"), Some("shopee"));
        assert_eq!(id("m.shopee.co.id"), Some("shopee"));
        assert_eq!(id("shopee.com.my"), Some("shopee"));
        assert_eq!(id("notshopee.co.id"), None);
        assert_eq!(id("vt.tiktok.com"), Some("tiktok"));
        assert_eq!(id("api.whatsapp.com"), Some("whatsapp"));
        assert_eq!(id("example.com"), None);
        let tokopedia = index.platform_of("tokopedia.com").unwrap();
        assert_eq!(index.rules[index.platforms[tokopedia].rule].meta.id, "links.tokopedia_in_id");
        assert!(index.known_tld("com") && !index.known_tld("html"));
    }

    fn phone(index: &LinkIndex, digits: &str, international: bool, separated: bool) -> bool {
        let run = PhoneRun {
            start: 0,
            end: 0,
            digits: digits.into(),
            international,
            separated,
            folded: false,
        };
        index.is_phone(&run, false)
    }

    #[test]
    fn numbering_plans() {
        let id = index("ID");
        assert!(phone(&id, "081234567890", false, false));
        assert!(phone(&id, "6281234567890", true, true));
        assert!(phone(&id, "62081234567890", true, true), "+62 (0)812…");
        assert!(!phone(&id, "0812345", false, false), "too short");
        assert!(phone(&id, "0123456789", false, true), "a Malaysian mobile, national form");
        assert!(
            !phone(&id, "5551234567", false, false),
            "ten bare digits are not a phone in Indonesia"
        );
        assert!(phone(&id, "5551234567", false, true), "(555) 123-4567 is one, in the US plan");
        assert!(phone(&id, "13800138000", false, false), "a Chinese mobile");
        assert!(phone(&id, "4915112345678", true, true), "+49: no plan, plausible E.164 length");
        let us = index("US");
        assert!(phone(&us, "5551234567", false, true));
        assert!(!phone(&us, "5551234567", false, false), "bare ten digits need context in the US");
        let sg = index("SG");
        assert!(phone(&sg, "91234567", false, true));
        assert!(!phone(&sg, "71234567", false, true));
    }
}
