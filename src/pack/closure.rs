//! The closure section: the conditions a shop must meet to close, with their figures (30 days
//! of announcement, 90 quiet days, the final order statuses), the four steps, withdrawal and what
//! applies after closure.

use super::rule::{RuleMeta, read_plain};
use crate::decode::{Decoder, Path, int, word};
use crate::value::Value;
use serde::Serialize;

/// The closure conditions, by their contract ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConditionKind {
    /// All marketing campaigns stopped.
    CampaignsStopped,
    /// All creator accounts unbound.
    CreatorsUnbound,
    /// The closure announcement shown on the shop homepage for `days` days.
    AnnouncementShown,
    /// Every order in a final status.
    OrdersFinal,
    /// `days` natural days since the last order became final.
    OrdersQuiet,
    /// No affiliate commission arrears.
    NoCommissionArrears,
    /// All payments settled both ways.
    PaymentsSettled,
}

impl ConditionKind {
    /// The contract ids.
    pub const NAMES: &'static [(&'static str, ConditionKind)] = &[
        ("campaigns_stopped", ConditionKind::CampaignsStopped),
        ("creators_unbound", ConditionKind::CreatorsUnbound),
        ("announcement_shown_30_days", ConditionKind::AnnouncementShown),
        ("orders_final", ConditionKind::OrdersFinal),
        ("orders_quiet_90_days", ConditionKind::OrdersQuiet),
        ("no_commission_arrears", ConditionKind::NoCommissionArrears),
        ("payments_settled", ConditionKind::PaymentsSettled),
    ];

    /// The contract id.
    pub fn as_str(self) -> &'static str {
        Self::NAMES.iter().find(|(_, k)| *k == self).map_or("", |(name, _)| name)
    }
}

/// Figures that belong to particular conditions.
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionFigures {
    /// No figures.
    None,
    /// A number of days (announcement, quiet period).
    Days(u32),
    /// The order statuses that count as final, and those known to be open, each written as
    /// [`status_key`] makes it. Without `open`, any status not final is open (an older pack).
    Statuses {
        /// Completed, closed, cancelled… in each language of the exports.
        final_statuses: Vec<String>,
        /// Unpaid, awaiting shipment, in transit, delivered…; a status in neither list is an
        /// error, so an export's wording never silently counts as open.
        open: Option<Vec<String>>,
    },
    /// Whether a negative balance may be taken from the deposit.
    NegativeBalanceFromDeposit(bool),
}

/// Who sells from the shop: a cross-border seller (a company outside the market) or a local one.
/// The published closure policy is the cross-border one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SellerType {
    /// A seller based outside the shop's market.
    CrossBorder,
    /// A seller based in the shop's market.
    Local,
}

impl SellerType {
    /// The names used in packs and calls.
    pub const NAMES: &'static [(&'static str, SellerType)] =
        &[("cross_border", SellerType::CrossBorder), ("local", SellerType::Local)];
}

/// Whom the closure policy is written for; for other sellers it is shown as a guide.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// Id and citation.
    pub meta: RuleMeta,
    /// The seller types the policy is published for.
    pub seller_types: Vec<SellerType>,
}

fn read_scope(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Scope> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let seller_types = o.req(d, path, "sellerTypes", |d, v, p| {
        d.list(v, p, |d, v, p| word(SellerType::NAMES)(d, v, p))
    });
    o.finish(d, path);
    Some(Scope { meta: meta?, seller_types: seller_types? })
}

/// An order status as it is compared: lowercase without diacritics, with spaces, underscores and
/// hyphens as one space, so `AWAITING_SHIPMENT`, `Awaiting Shipment` and `awaiting-shipment` are
/// one status, and so are `Đã hủy` and `da huy`. Borrowed when it is already in that form (the
/// usual case, 100,000 orders at a time). Folded with the link scanner's table rather than
/// `char::to_lowercase`, whose tables are 12 KB of the wasm.
pub fn status_key(status: &str) -> std::borrow::Cow<'_, str> {
    let plain = status.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ')
        && !status.contains("  ")
        && status.trim() == status;
    if plain {
        return std::borrow::Cow::Borrowed(status);
    }
    let folded = crate::links::text::folded_lowercase(status);
    let mut out = String::with_capacity(folded.len());
    for word in
        folded.split(|c: char| c.is_whitespace() || c == '_' || c == '-').filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    std::borrow::Cow::Owned(out)
}

/// One closure condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    /// Id (one of the contract ids) and citation.
    pub meta: RuleMeta,
    /// Which condition.
    pub kind: ConditionKind,
    /// Its figures.
    pub figures: ConditionFigures,
}

/// A step of the closure process.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Id (`apply`, `verify_details`, `meet_conditions`, `agree`) and citation.
    pub meta: RuleMeta,
    /// Its number, from 1.
    pub step: u32,
}

/// Who may withdraw a closure, and until when.
#[derive(Debug, Clone, PartialEq)]
pub struct Withdrawal {
    /// Id and citation.
    pub meta: RuleMeta,
    /// A seller may withdraw their own closure before this step.
    pub seller_before_step: u32,
    /// Whether a platform-initiated closure may be withdrawn.
    pub platform_initiated: bool,
}

/// Something that holds after closure.
#[derive(Debug, Clone, PartialEq)]
pub struct AfterClosure {
    /// Id and citation.
    pub meta: RuleMeta,
}

/// The whole closure section.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosurePolicy {
    /// Whom the policy is written for.
    pub scope: Scope,
    /// The conditions, in report order.
    pub conditions: Vec<Condition>,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// Withdrawal.
    pub withdrawal: Withdrawal,
    /// What holds after closure.
    pub after_closure: Vec<AfterClosure>,
    /// A note for maintainers.
    pub note: Option<String>,
}

impl ClosurePolicy {
    /// Every rule of the section.
    pub fn rules(&self) -> Vec<&RuleMeta> {
        let mut rules = vec![&self.scope.meta];
        rules.extend(self.conditions.iter().map(|c| &c.meta));
        rules.extend(self.steps.iter().map(|s| &s.meta));
        rules.push(&self.withdrawal.meta);
        rules.extend(self.after_closure.iter().map(|a| &a.meta));
        rules
    }

    pub(crate) fn read(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<ClosurePolicy> {
        let mut o = d.object(v, path)?;
        let scope = o.req(d, path, "scope", read_scope);
        let conditions = o.req(d, path, "conditions", |d, v, p| d.list(v, p, read_condition));
        let steps = o.req(d, path, "steps", |d, v, p| d.list(v, p, read_step));
        let withdrawal = o.req(d, path, "withdrawal", read_withdrawal);
        let after_closure = o.req(d, path, "afterClosure", |d, v, p| {
            d.list(v, p, |d, v, p| read_plain(d, v, p).map(|meta| AfterClosure { meta }))
        });
        let note = o.opt(d, path, "note", Decoder::string);
        o.finish(d, path);
        Some(ClosurePolicy {
            scope: scope?,
            conditions: conditions?,
            steps: steps?,
            withdrawal: withdrawal?,
            after_closure: after_closure?,
            note: note.map(str::to_owned),
        })
    }

    /// The condition of `kind`.
    pub fn condition(&self, kind: ConditionKind) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.kind == kind)
    }
}

fn read_condition(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Condition> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let kind = o.take("id").and_then(|id| d.word(id, &path.key("id"), ConditionKind::NAMES));
    let figures = match kind {
        Some(ConditionKind::AnnouncementShown | ConditionKind::OrdersQuiet) => {
            o.req(d, path, "days", int(0, 3650)).map(|n| ConditionFigures::Days(n as u32))
        }
        Some(ConditionKind::OrdersFinal) => {
            let words = |d: &mut Decoder, v: &Value, p: &Path<'_>| {
                d.list(v, p, |d, v, p| d.text(v, p).map(|s| status_key(s).into_owned()))
            };
            let final_statuses = o.req(d, path, "finalStatuses", words);
            let open = o.opt(d, path, "openStatuses", words);
            final_statuses.map(|final_statuses| ConditionFigures::Statuses { final_statuses, open })
        }
        Some(ConditionKind::PaymentsSettled) => o
            .req(d, path, "negativeBalanceFromDeposit", Decoder::boolean)
            .map(ConditionFigures::NegativeBalanceFromDeposit),
        Some(_) => Some(ConditionFigures::None),
        None => None,
    };
    o.finish(d, path);
    Some(Condition { meta: meta?, kind: kind?, figures: figures? })
}

fn read_step(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Step> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let step = o.req(d, path, "step", int(1, 20));
    o.finish(d, path);
    Some(Step { meta: meta?, step: step? as u32 })
}

fn read_withdrawal(d: &mut Decoder, v: &Value, path: &Path<'_>) -> Option<Withdrawal> {
    let mut o = d.object(v, path)?;
    let meta = RuleMeta::read(d, &mut o, path);
    let before = o.req(d, path, "sellerBeforeStep", int(1, 20));
    let platform = o.req(d, path, "platformInitiated", Decoder::boolean);
    o.finish(d, path);
    Some(Withdrawal {
        meta: meta?,
        seller_before_step: before? as u32,
        platform_initiated: platform?,
    })
}
