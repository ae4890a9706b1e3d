//! Shop closure: can this shop close today, and if not, what blocks it and from when could it?
//!
//! Seed 004 (TikTok Shop's closure policy for cross-border sellers in Southeast Asia) makes
//! closing a shop a four-step process whose third step is a list of conditions, two of them
//! clocks: the closure announcement must have been on the shop homepage for 30 days, and 90
//! natural days must have passed since the last order became completed or closed. Sellers learn
//! about either clock only when Seller Center refuses the last step, so the useful answer is a
//! date: [`ClosureReport::earliest_close_date`] is the first day the shop could close if every
//! other condition were fixed today, and it is given even while those other conditions fail.
//!
//! The policy is published for cross-border sellers (the pack's `closure.scope`); a local seller,
//! for whom no closure policy is published, gets the same rules as a guide: `applies: false`,
//! every condition `verified: false`, and `scope` says so.
//!
//! What the input means, precisely:
//! - Every fact is required, so a report never rests on a silent default: `sellerType`
//!   (`cross_border` or `local`), the counts
//!   `activeCampaigns` and `boundCreators`; `announcementSince`, a date or `null` when no
//!   announcement is shown yet (required even then: forgetting it must not read as "not shown");
//!   `orders`; and the money fields.
//! - Counts are whole numbers from 0; amounts are whole numbers of the pack currency's minor
//!   units, at most 2^53 − 1 in size (beyond that a JS number is no longer exact). `balance` is
//!   the shop's balance with TikTok Shop and may be negative (the shop owes); the other amounts
//!   (`commissionArrears`, `unpaidInvoices`, `depositArrears`, `deposit`) are from 0.
//! - An order is `{ id, status, finalizedOn? }`. `id` is a non-empty string (TikTok Shop order
//!   ids have 18 digits, more than a JS number holds exactly) and unique in the list: a repeated
//!   id is `duplicate_id` at the repeat's `orders[i].id`. `status` is written as Seller Center
//!   exports it, in any of its languages; it is compared in one form (lowercase, `_` and `-` as
//!   spaces: `AWAITING_SHIPMENT` is `awaiting shipment`). It is final when it is one of the pack's
//!   `finalStatuses` (completed, closed, and cancelled, which is closed: `已完成`, `Dibatalkan`,
//!   `Đã hủy`…) and open when it is one of its `openStatuses`; a status in neither is
//!   `invalid_input` at `orders[i].status`, never silently open. (A pack without
//!   `openStatuses` treats any other status as open.) A final order needs `finalizedOn`, the day it became final (else
//!   `invalid_input` at `orders[i].finalizedOn`). An open order's `finalizedOn` may be absent or
//!   `null`; if given it must be a real date, and is otherwise ignored: an open order has not
//!   become final, whatever an earlier state said.
//!
//! How the report reads it:
//! - `announcement_shown_30_days` is met on D + 30 for an announcement shown since day D;
//!   `orders_quiet_90_days` on L + 90, L being the latest `finalizedOn` of all orders. `metOn`
//!   gives those days; it is `null` for the other conditions, for an announcement not yet shown,
//!   and for the quiet period while an order is open (it has not started) or when there are no
//!   orders (there is nothing to wait for, and the condition is met).
//! - `earliestCloseDate` is `null` while an order is open; otherwise the latest of `asOf`, the
//!   announcement day (`asOf` + 30 when none is shown yet) and the quiet-period day.
//! - Money: a negative balance is taken from the deposit when the pack allows it
//!   (`negativeBalanceFromDeposit`) and the deposit covers it (equal counts); then
//!   `payments_settled` holds and `depositRefund` is the deposit less that amount. A negative
//!   balance the deposit does not cover, unpaid invoices or deposit arrears fail
//!   `payments_settled`; commission arrears fail `no_commission_arrears`. While either of those
//!   two money conditions fails, `depositRefund` is `null`: how the debt is paid decides what is
//!   left. A positive balance (TikTok Shop owes the shop) blocks nothing. Amounts in `detail`
//!   are written with the currency's decimal places (`IDR 1.500.000,00` in Indonesian).
//! - Steps: step 3 (`meet_conditions`) is done when every condition is met; step 4 (`agree`) is
//!   not done, since ticking it closes the shop and there is nothing left to check; whether
//!   steps 1 and 2 (applying, verifying the shop's details) are done cannot be told from the
//!   input, so their `done` is `null`.
//! - `canWithdraw`: a closure the seller started can be withdrawn until the pack's
//!   `sellerBeforeStep` (step 4) is done; one the platform started cannot, unless the pack says
//!   otherwise (`platformInitiated`).
//!
//! ## Example
//!
//! ```
//! use shop_policy::{Date, Engine, Today, Value};
//!
//! let input = Value::parse_json(r#"{
//!     "region": "ID", "asOf": "2026-06-01", "initiatedBy": "seller", "sellerType": "cross_border",
//!     "activeCampaigns": 0, "boundCreators": 0, "announcementSince": "2026-05-20",
//!     "orders": [{ "id": "577001", "status": "completed", "finalizedOn": "2026-04-02" }],
//!     "commissionArrears": 0, "balance": -1250000, "unpaidInvoices": 0,
//!     "depositArrears": 0, "deposit": 50000000
//! }"#)?;
//! let report = Engine::builtin().check_closure(&input, Today::Required)?;
//! assert!(!report.can_close);
//! // The announcement is complete on 06-19, the 90 quiet days on 07-01: the later counts.
//! assert_eq!(report.earliest_close_date, Date::parse("2026-07-01"));
//! assert_eq!(report.deposit_refund, Some(48_750_000));
//! let waiting: Vec<&str> =
//!     report.conditions.iter().filter(|c| !c.met).map(|c| c.id.as_str()).collect();
//! assert_eq!(waiting, ["announcement_shown_30_days", "orders_quiet_90_days"]);
//! # Ok::<(), shop_policy::Error>(())
//! ```

use crate::date::Date;
use crate::decode::{Decoder, Fields, Path, int, word};
use crate::engine::{CallContext, Engine, RegionPolicy, Today};
use crate::error::{Error, ErrorCode};
use crate::i18n::{self, Lang};
use crate::pack::{ConditionFigures, ConditionKind, Currency, SellerType, status_key};
use crate::report::{Cited, ConditionResult, Note, PolicyRef, SourceRef};
use crate::value::Value;
use serde::Serialize;
use std::borrow::Cow;

/// The largest whole number a JS number holds exactly (2^53 − 1): the bound of every count and
/// amount.
pub const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

/// How many open orders a `detail` names; the rest are counted.
pub const OPEN_ORDERS_NAMED: usize = 5;

/// How many characters of an order id a `detail` quotes.
const ID_CHARS_SHOWN: usize = 32;

/// Who started the closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Initiator {
    /// The seller applied in Seller Center.
    Seller,
    /// TikTok Shop sent a closure notice.
    Platform,
}

impl Initiator {
    /// The JS names.
    pub const NAMES: &'static [(&'static str, Initiator)] =
        &[("seller", Initiator::Seller), ("platform", Initiator::Platform)];
}

/// One order, borrowing its strings from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Order<'a> {
    /// The order id.
    pub id: &'a str,
    /// Its status as the caller has it; final when it is one of the pack's final statuses.
    pub status: &'a str,
    /// The day it became final; required for a final order, ignored for an open one.
    pub finalized_on: Option<Date>,
}

/// The argument of `checkClosure`, decoded. Strings borrow from the input value, so 100,000
/// orders cost one vector and no string copies.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosureInput<'a> {
    /// Region, language and `asOf`.
    pub call: CallContext,
    /// Who started the closure.
    pub initiated_by: Initiator,
    /// Whether the seller is cross-border or local: the published policy is the cross-border
    /// one.
    pub seller_type: SellerType,
    /// Marketing campaigns still running.
    pub active_campaigns: u64,
    /// Creator accounts still bound to the shop.
    pub bound_creators: u64,
    /// The day the closure announcement went up on the shop homepage; `None` if it is not shown.
    pub announcement_since: Option<Date>,
    /// Every order of the shop.
    pub orders: Vec<Order<'a>>,
    /// Affiliate commission owed, in minor units.
    pub commission_arrears: i64,
    /// The shop's balance with TikTok Shop, in minor units; negative when the shop owes.
    pub balance: i64,
    /// Invoices issued by TikTok Shop and not yet paid, in minor units.
    pub unpaid_invoices: i64,
    /// What the shop owes towards its deposit, in minor units.
    pub deposit_arrears: i64,
    /// The deposit held, in minor units.
    pub deposit: i64,
}

impl<'a> ClosureInput<'a> {
    /// Decodes a `checkClosure` argument; the first problem is the error, with its path.
    pub fn decode(value: &'a Value<'a>) -> Result<ClosureInput<'a>, Error> {
        let mut d = Decoder::new();
        let input = ClosureInput::read(&mut d, value);
        d.finish(input)
    }

    fn read(d: &mut Decoder, value: &'a Value<'a>) -> Option<ClosureInput<'a>> {
        let root = Path::Root;
        let mut o = d.object(value, &root)?;
        let call = CallContext::read(d, &mut o, true);
        let initiated_by = o.req(d, &root, "initiatedBy", word(Initiator::NAMES));
        let seller_type = o.req(d, &root, "sellerType", word(SellerType::NAMES));
        let count = || int(0, MAX_SAFE_INTEGER);
        let active_campaigns = o.req(d, &root, "activeCampaigns", count());
        let bound_creators = o.req(d, &root, "boundCreators", count());
        let announcement_since = required_nullable_date(d, &mut o, &root, "announcementSince");
        let orders = o.req(d, &root, "orders", read_orders);
        let commission_arrears = o.req(d, &root, "commissionArrears", count());
        let balance = o.req(d, &root, "balance", int(-MAX_SAFE_INTEGER, MAX_SAFE_INTEGER));
        let unpaid_invoices = o.req(d, &root, "unpaidInvoices", count());
        let deposit_arrears = o.req(d, &root, "depositArrears", count());
        let deposit = o.req(d, &root, "deposit", count());
        o.finish(d, &root);
        Some(ClosureInput {
            call: call?,
            initiated_by: initiated_by?,
            seller_type: seller_type?,
            active_campaigns: active_campaigns?.unsigned_abs(),
            bound_creators: bound_creators?.unsigned_abs(),
            announcement_since: announcement_since?,
            orders: orders?,
            commission_arrears: commission_arrears?,
            balance: balance?,
            unpaid_invoices: unpaid_invoices?,
            deposit_arrears: deposit_arrears?,
            deposit: deposit?,
        })
    }
}

/// A field that must be present but may be `null`: `Some(None)` for `null`.
fn required_nullable_date(
    d: &mut Decoder,
    o: &mut Fields<'_>,
    parent: &Path<'_>,
    key: &str,
) -> Option<Option<Date>> {
    let path = parent.key(key);
    match o.take(key) {
        None => {
            d.report(
                ErrorCode::InvalidInput,
                &path,
                format!("missing required field \"{key}\" (null when there is none)"),
            );
            None
        }
        Some(Value::Null) => Some(None),
        Some(value) => d.date(value, &path).map(Some),
    }
}

fn read_orders<'v>(d: &mut Decoder, v: &'v Value<'v>, path: &Path<'_>) -> Option<Vec<Order<'v>>> {
    let orders = d.list(v, path, |d, v, p| plain_order(v).or_else(|| read_order(d, v, p)))?;
    if let Some((first, repeat)) = first_repeated_id(&orders) {
        let at = path.index(repeat);
        let id = orders.get(repeat).map_or("", |o| o.id);
        d.report(
            ErrorCode::DuplicateId,
            &at.key("id"),
            format!(
                "order id \"{}\" is already used by {}",
                shorten(id),
                path.index(first).render()
            ),
        );
        return None;
    }
    Some(orders)
}

/// The common case, read in one pass over the order's fields: only known fields, each with a
/// valid value. Anything else is `None` and goes to [`read_order`], which reports exactly what
/// is wrong the way every decoder does. In the size-optimized wasm the general path costs
/// about 100 ns more per order (16 ms instead of 6 for decoding 100,000 orders).
fn plain_order<'v>(v: &'v Value<'v>) -> Option<Order<'v>> {
    let Value::Object(entries) = v else { return None };
    let (mut id, mut status, mut finalized_on, mut dated) = (None, None, None, false);
    for (key, value) in entries {
        match (key.as_bytes(), value) {
            (b"id", Value::String(s)) if id.is_none() => id = Some(non_blank(s)?),
            (b"status", Value::String(s)) if status.is_none() => status = Some(non_blank(s)?),
            (b"finalizedOn", Value::String(s)) if !dated => {
                finalized_on = Some(Date::parse(s)?);
                dated = true;
            }
            (b"finalizedOn", Value::Null) if !dated => dated = true,
            _ => return None,
        }
    }
    Some(Order { id: id?, status: status?, finalized_on })
}

/// `s` unless it is empty or blank, as [`Decoder::text`] requires; an id or status starting
/// with a visible ASCII character (nearly all of them) is accepted without trimming.
fn non_blank(s: &str) -> Option<&str> {
    let visible = s.as_bytes().first().is_some_and(|&b| b.is_ascii_graphic());
    (visible || !s.trim().is_empty()).then_some(s)
}

fn read_order<'v>(d: &mut Decoder, v: &'v Value<'v>, p: &Path<'_>) -> Option<Order<'v>> {
    let mut o = d.object(v, p)?;
    let id = o.req(d, p, "id", Decoder::text);
    let status = o.req(d, p, "status", Decoder::text);
    let finalized_on = o.opt(d, p, "finalizedOn", Decoder::date);
    o.finish(d, p);
    Some(Order { id: id?, status: status?, finalized_on })
}

/// The first order, in list order, whose id an earlier order already has: `(earlier, repeat)`.
///
/// Exports list orders by id or by time, and order ids grow with time, so a list whose ids
/// strictly ascend or descend is the common case, and needs one sequential pass to know that
/// no id repeats. Any other list goes to [`find_repeated_id`].
fn first_repeated_id(orders: &[Order<'_>]) -> Option<(usize, usize)> {
    if strictly_monotonic(orders) { None } else { find_repeated_id(orders) }
}

/// Whether the ids strictly ascend or strictly descend, as text or as whole numbers written in
/// digits (a shorter one is smaller): then no id repeats.
fn strictly_monotonic(orders: &[Order<'_>]) -> bool {
    use std::cmp::Ordering::{Greater, Less};
    let (mut up, mut down, mut up_numeric, mut down_numeric) = (true, true, true, true);
    for pair in orders.windows(2) {
        let [a, b] = pair else { continue };
        let text = a.id.cmp(b.id);
        let numeric = a.id.len().cmp(&b.id.len()).then(text);
        up &= text == Less;
        down &= text == Greater;
        up_numeric &= numeric == Less;
        down_numeric &= numeric == Greater;
        if !(up || down || up_numeric || down_numeric) {
            return false;
        }
    }
    true
}

/// The first repeat, exactly: an open-addressing table of order indexes, at most half full,
/// each slot tagged with the top half of its id's hash so that ids are compared only when the
/// tags agree. Its random accesses into a table that outgrows the cache cost, at 100,000
/// shuffled orders, about as much again as the rest of the decoding (some 6 ms in wasm). Ids
/// chosen to collide could make probing slow, but only for the user checking their own shop.
fn find_repeated_id(orders: &[Order<'_>]) -> Option<(usize, usize)> {
    const EMPTY: usize = usize::MAX;
    let mask = orders.len().saturating_mul(2).next_power_of_two().max(16) - 1;
    let mut slots: Vec<(usize, u32)> = vec![(EMPTY, 0); mask + 1];
    let id = |index: usize| orders.get(index).map(|o| o.id);
    for (index, order) in orders.iter().enumerate() {
        let hash = id_hash(order.id);
        let tag = (hash >> 32) as u32;
        let mut at = hash as usize & mask;
        while let Some(slot) = slots.get_mut(at) {
            match *slot {
                (EMPTY, _) => {
                    *slot = (index, tag);
                    break;
                }
                (earlier, seen) if seen == tag && id(earlier) == Some(order.id) => {
                    return Some((earlier, index));
                }
                _ => at = (at + 1) & mask,
            }
        }
    }
    None
}

/// A multiply–xorshift hash of an id, eight bytes at a time: several times faster in wasm than
/// `Hash` through a `Hasher` (whose generic plumbing the size-optimized build does not inline).
/// Each step is a bijection of the state, so ids of one length that differ in one word never
/// collide; the length goes in first, so "a" and "a\0" differ. No flooding resistance is
/// needed: the only person who could choose colliding ids is the user checking their own shop.
fn id_hash(id: &str) -> u64 {
    fn mix(h: u64) -> u64 {
        let h = h.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ (h >> 29)
    }
    let bytes = id.as_bytes();
    let mut h = mix(bytes.len() as u64);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        h = mix(h ^ u64::from_le_bytes(word.try_into().unwrap_or_default()));
    }
    let mut last = [0u8; 8];
    for (slot, &byte) in last.iter_mut().zip(words.remainder()) {
        *slot = byte;
    }
    mix(h ^ u64::from_le_bytes(last))
}

/// One step of the closure process as far as the input tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepResult {
    /// Its number, from 1.
    pub step: u32,
    /// The step's id in the pack (`apply`, `verify_details`, `meet_conditions`, `agree`).
    pub id: String,
    /// What the step is, in the caller's language.
    pub title: String,
    /// `true` done, `false` not done, `null` not known from the input.
    pub done: Option<bool>,
    /// The rule's source.
    pub source: String,
}

/// The answer of `checkClosure`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClosureReport {
    /// Every condition is met on `asOf`: the last step can be taken.
    pub can_close: bool,
    /// The seller type the report is for.
    pub seller_type: SellerType,
    /// Whether the pack's closure policy is published for this seller type; `false`: it is
    /// shown as a guide (no policy for local sellers is published), and every rule is reported
    /// unverified.
    pub applies: bool,
    /// Whom the policy is written for, and what that means for this seller, cited.
    pub scope: Note,
    /// The date the report is for.
    pub as_of: Date,
    /// Each condition of the pack, in the pack's order.
    pub conditions: Vec<ConditionResult>,
    /// The first day the shop could close: `None` while an order is open.
    pub earliest_close_date: Option<Date>,
    /// The deposit refunded on closure, in minor units; `None` while money blocks closure.
    pub deposit_refund: Option<i64>,
    /// The currency of every amount.
    pub currency: Currency,
    /// Whether the closure can still be withdrawn.
    pub can_withdraw: bool,
    /// Why `can_withdraw` is what it is.
    pub withdrawal: Cited,
    /// The steps of the process.
    pub steps: Vec<StepResult>,
    /// What holds once the shop is closed.
    pub after_closure: Vec<Note>,
    /// Whether every closure rule used is stated by its source (`false` for the US pack, and for
    /// a seller type the policy is not published for).
    pub verified: bool,
    /// Every source the closure rules cite, with title, publisher, date and whether official.
    pub sources: Vec<SourceRef>,
    /// The policy the report was judged under.
    pub policy: PolicyRef,
}

impl Engine {
    /// `checkClosure`: decodes the argument, picks the region's policy and the as-of date, and
    /// evaluates.
    pub fn check_closure(&self, input: &Value<'_>, today: Today) -> Result<ClosureReport, Error> {
        let input = ClosureInput::decode(input)?;
        let (policy, as_of) = self.resolve(&input.call, today)?;
        evaluate(policy, &input, as_of)
    }
}

/// What one pass over the orders found.
struct Orders<'o, 'a> {
    total: usize,
    open: usize,
    /// The first few open orders, for `detail`.
    named: Vec<&'o Order<'a>>,
    /// The latest `finalizedOn` of a final order, and that order's id.
    last_final: Option<(Date, &'a str)>,
}

impl<'o, 'a> Orders<'o, 'a> {
    /// Classifies each order; a final order without `finalizedOn` is `invalid_input` at its
    /// path. This is the only check that needs the pack (its final statuses).
    /// `final_statuses` and `open` are the pack's, as [`status_key`] writes them.
    fn scan(
        orders: &'o [Order<'a>],
        final_statuses: &[String],
        open: Option<&[String]>,
    ) -> Result<Self, Error> {
        let mut summary =
            Orders { total: orders.len(), open: 0, named: Vec::new(), last_final: None };
        for (index, order) in orders.iter().enumerate() {
            let status = status_key(order.status);
            let is_final = final_statuses.iter().any(|s| *s == status);
            if !is_final {
                if let Some(open) = open
                    && !open.iter().any(|s| *s == status)
                {
                    return Err(Error::new(
                        ErrorCode::InvalidInput,
                        Path::Root.key("orders").index(index).key("status").render(),
                        format!(
                            "order \"{}\" has a status this policy does not know, \"{}\"; final \
                             statuses are {}, open ones include {}",
                            shorten(order.id),
                            shorten(order.status),
                            crate::i18n::join(final_statuses.get(..3).unwrap_or_default(), ", "),
                            crate::i18n::join(open.get(..4).unwrap_or_default(), ", ")
                        ),
                    ));
                }
                summary.open += 1;
                if summary.named.len() < OPEN_ORDERS_NAMED {
                    summary.named.push(order);
                }
                continue;
            }
            let Some(day) = order.finalized_on else {
                return Err(Error::new(
                    ErrorCode::InvalidInput,
                    Path::Root.key("orders").index(index).key("finalizedOn").render(),
                    format!(
                        "order \"{}\" has the final status \"{}\" but no finalizedOn, the day it \
                         became final",
                        shorten(order.id),
                        shorten(order.status)
                    ),
                ));
            };
            if summary.last_final.is_none_or(|(last, _)| day > last) {
                summary.last_final = Some((day, order.id));
            }
        }
        Ok(summary)
    }
}

/// The money facts, judged once.
struct Money {
    /// What the shop owes through a negative balance (0 if the balance is not negative).
    negative_balance: i64,
    /// The pack lets TikTok Shop take a negative balance from the deposit.
    from_deposit: bool,
    /// The negative balance is paid: there is none, or the deposit covers it.
    balance_covered: bool,
    payments_settled: bool,
    commission_settled: bool,
}

impl Money {
    fn judge(input: &ClosureInput<'_>, from_deposit: bool) -> Money {
        let negative_balance = input.balance.min(0).saturating_neg();
        let balance_covered =
            negative_balance == 0 || (from_deposit && negative_balance <= input.deposit);
        Money {
            negative_balance,
            from_deposit,
            balance_covered,
            payments_settled: balance_covered
                && input.unpaid_invoices <= 0
                && input.deposit_arrears <= 0,
            commission_settled: input.commission_arrears <= 0,
        }
    }

    /// The deposit left after the negative balance is taken from it, while nothing else about
    /// money blocks closure.
    fn refund(&self, deposit: i64) -> Option<i64> {
        (self.payments_settled && self.commission_settled)
            .then(|| deposit.max(0).saturating_sub(self.negative_balance))
    }
}

/// Judges `input` under `policy` on `as_of`. Pure; the only error is a final order without its
/// `finalizedOn` (which orders are final depends on the pack).
pub fn evaluate(
    policy: &RegionPolicy,
    input: &ClosureInput<'_>,
    as_of: Date,
) -> Result<ClosureReport, Error> {
    let pack = &policy.pack;
    let closure = &pack.closure;
    let lang = input.call.lang;
    let applies = closure.scope.seller_types.contains(&input.seller_type);
    let scope = Note::cited(
        "scope",
        &closure.scope.meta,
        lang,
        if applies { "closure.scope.applies" } else { "closure.scope.guide" },
        &[],
    );
    let figures = |kind| closure.condition(kind).map(|c| &c.figures);
    let days = |kind| match figures(kind) {
        Some(ConditionFigures::Days(days)) => Some(*days),
        _ => None,
    };
    let (final_statuses, open_statuses): (&[String], Option<&[String]>) =
        match figures(ConditionKind::OrdersFinal) {
            Some(ConditionFigures::Statuses { final_statuses, open }) => {
                (final_statuses, open.as_deref())
            }
            _ => (&[], None),
        };
    let from_deposit = matches!(
        figures(ConditionKind::PaymentsSettled),
        Some(ConditionFigures::NegativeBalanceFromDeposit(true))
    );

    let orders = Orders::scan(&input.orders, final_statuses, open_statuses)?;
    let money = Money::judge(input, from_deposit);
    let announcement_day = |days: u32| input.announcement_since.map(|d| d.plus_days(days.into()));
    let quiet_day = |days: u32| match orders.last_final {
        Some((last, _)) if orders.open == 0 => Some(last.plus_days(days.into())),
        _ => None,
    };

    let facts = Facts { input, lang, currency: &pack.currency, final_statuses, as_of };
    let conditions: Vec<ConditionResult> = closure
        .conditions
        .iter()
        .map(|condition| {
            let kind = condition.kind;
            let days = days(kind).unwrap_or(0);
            let (met, met_on, detail) = match kind {
                ConditionKind::CampaignsStopped => {
                    facts.count(input.active_campaigns, "closure.detail.campaigns")
                }
                ConditionKind::CreatorsUnbound => {
                    facts.count(input.bound_creators, "closure.detail.creators")
                }
                ConditionKind::AnnouncementShown => {
                    let met_on = announcement_day(days);
                    (met_on.is_some_and(|d| d <= as_of), met_on, facts.announcement(days, met_on))
                }
                ConditionKind::OrdersFinal => (orders.open == 0, None, facts.orders(&orders)),
                ConditionKind::OrdersQuiet => {
                    let met_on = quiet_day(days);
                    let met = orders.total == 0 || met_on.is_some_and(|d| d <= as_of);
                    (met, met_on, facts.quiet(&orders, days, met_on))
                }
                ConditionKind::NoCommissionArrears => {
                    (money.commission_settled, None, facts.commission())
                }
                ConditionKind::PaymentsSettled => {
                    (money.payments_settled, None, facts.payments(&money))
                }
            };
            let day_count = days.to_string();
            let key = format!("closure.condition.{}", kind.as_str());
            let cited = Cited::new(&condition.meta, lang, Some(&key), &[("days", &day_count)]);
            ConditionResult {
                id: kind.as_str().to_owned(),
                rule_id: cited.rule_id,
                met,
                met_on,
                detail,
                message: cited.message,
                source: cited.source,
                verified: applies && condition.meta.verified,
            }
        })
        .collect();
    let can_close = conditions.iter().all(|c| c.met);

    let earliest_close_date = (orders.open == 0).then(|| {
        let announced = days(ConditionKind::AnnouncementShown)
            .map(|days| announcement_day(days).unwrap_or_else(|| as_of.plus_days(days.into())));
        let quiet = days(ConditionKind::OrdersQuiet).and_then(quiet_day);
        [announced, quiet].into_iter().flatten().fold(as_of, Date::max)
    });

    let steps: Vec<StepResult> = closure
        .steps
        .iter()
        .map(|step| {
            let id = step.meta.id.as_str();
            let done = match id {
                "meet_conditions" => Some(can_close),
                "agree" => Some(false),
                _ => None,
            };
            StepResult {
                step: step.step,
                id: id.to_owned(),
                title: i18n::render_rule(
                    lang,
                    &step.meta,
                    Some(&format!("closure.step.{id}")),
                    &[],
                ),
                done,
                source: step.meta.source.clone(),
            }
        })
        .collect();

    let rule = &closure.withdrawal;
    let bound = rule.seller_before_step;
    let bound_done = steps.iter().any(|s| s.step == bound && s.done == Some(true));
    let (can_withdraw, key) = match input.initiated_by {
        Initiator::Platform if !rule.platform_initiated => (false, "closure.withdrawal.platform"),
        _ if bound_done => (false, "closure.withdrawal.too_late"),
        _ => (true, "closure.withdrawal.open"),
    };
    let withdrawal = Cited::new(&rule.meta, lang, Some(key), &[("step", &bound.to_string())]);

    let after_closure = closure
        .after_closure
        .iter()
        .map(|a| {
            let id = a.meta.id.as_str();
            Note::cited(id, &a.meta, lang, &format!("closure.after.{id}"), &[])
        })
        .collect();

    let rules = closure.rules();
    let verified = applies && rules.iter().all(|meta| meta.verified);

    Ok(ClosureReport {
        can_close,
        seller_type: input.seller_type,
        applies,
        scope,
        as_of,
        conditions,
        earliest_close_date,
        deposit_refund: money.refund(input.deposit),
        currency: pack.currency.clone(),
        can_withdraw,
        withdrawal,
        steps,
        after_closure,
        verified,
        sources: SourceRef::of_rules(pack, &rules),
        policy: PolicyRef::of(pack),
    })
}

/// Everything a `detail` sentence draws on.
struct Facts<'f, 'a> {
    input: &'f ClosureInput<'a>,
    lang: Lang,
    currency: &'f Currency,
    final_statuses: &'f [String],
    as_of: Date,
}

impl Facts<'_, '_> {
    fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        i18n::render(self.lang, key, args)
    }

    fn number(&self, n: usize) -> String {
        i18n::number(self.lang, i64::try_from(n).unwrap_or(i64::MAX))
    }

    /// A count that must be zero: campaigns, creators.
    fn count(&self, n: u64, key: &str) -> (bool, Option<Date>, String) {
        if n == 0 {
            (true, None, self.text(&format!("{key}.none"), &[]))
        } else {
            let count = i18n::number(self.lang, i64::try_from(n).unwrap_or(i64::MAX));
            (false, None, self.text(&format!("{key}.open"), &[("count", &count)]))
        }
    }

    fn announcement(&self, days: u32, met_on: Option<Date>) -> String {
        let days_text = days.to_string();
        match (self.input.announcement_since, met_on) {
            (Some(since), Some(date)) => {
                let key = if date <= self.as_of {
                    "closure.detail.announcement.met"
                } else {
                    "closure.detail.announcement.pending"
                };
                self.text(
                    key,
                    &[
                        ("since", &i18n::date(self.lang, since)),
                        ("days", &days_text),
                        ("date", &i18n::date(self.lang, date)),
                    ],
                )
            }
            _ => {
                let date = i18n::date(self.lang, self.as_of.plus_days(days.into()));
                self.text(
                    "closure.detail.announcement.none",
                    &[("days", &days_text), ("date", &date)],
                )
            }
        }
    }

    /// The final statuses a detail names: the first three (the pack lists them in every export
    /// language; the first are enough to say what "final" means).
    fn statuses(&self) -> String {
        let quoted: Vec<&str> = self.final_statuses.iter().take(3).map(String::as_str).collect();
        join_list(self.lang, &quoted)
    }

    fn orders(&self, orders: &Orders<'_, '_>) -> String {
        let total = self.number(orders.total);
        let statuses = self.statuses();
        if orders.total == 0 {
            return self.text("closure.detail.orders.none", &[]);
        }
        if orders.open == 0 {
            return self.text(
                "closure.detail.orders.final",
                &[("total", &total), ("statuses", &statuses)],
            );
        }
        let mut items: Vec<String> = orders
            .named
            .iter()
            .map(|o| {
                self.text(
                    "closure.detail.order",
                    &[("id", &shorten(o.id)), ("status", &shorten(o.status))],
                )
            })
            .collect();
        let more = orders.open - orders.named.len();
        if more > 0 {
            items.push(self.text("closure.detail.and_more", &[("count", &self.number(more))]));
        }
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        self.text(
            "closure.detail.orders.open",
            &[
                ("open", &self.number(orders.open)),
                ("total", &total),
                ("list", &join_list(self.lang, &items)),
                ("statuses", &statuses),
            ],
        )
    }

    fn quiet(&self, orders: &Orders<'_, '_>, days: u32, met_on: Option<Date>) -> String {
        let days_text = days.to_string();
        match (orders.last_final, met_on) {
            _ if orders.total == 0 => self.text("closure.detail.quiet.none", &[]),
            (Some((last, id)), Some(date)) => {
                let key = if date <= self.as_of {
                    "closure.detail.quiet.met"
                } else {
                    "closure.detail.quiet.pending"
                };
                self.text(
                    key,
                    &[
                        ("id", &shorten(id)),
                        ("last", &i18n::date(self.lang, last)),
                        ("days", &days_text),
                        ("date", &i18n::date(self.lang, date)),
                    ],
                )
            }
            _ => self.text(
                "closure.detail.quiet.open",
                &[("open", &self.number(orders.open)), ("days", &days_text)],
            ),
        }
    }

    fn money(&self, minor: i64) -> String {
        money(self.lang, self.currency, minor)
    }

    fn commission(&self) -> String {
        let owed = self.input.commission_arrears;
        if owed <= 0 {
            self.text("closure.detail.commission.none", &[])
        } else {
            self.text("closure.detail.commission.owed", &[("amount", &self.money(owed))])
        }
    }

    fn payments(&self, money: &Money) -> String {
        let input = self.input;
        let mut parts = Vec::new();
        if input.unpaid_invoices > 0 {
            let amount = self.money(input.unpaid_invoices);
            parts
                .push(self.text("closure.detail.payments.unpaid_invoices", &[("amount", &amount)]));
        }
        if input.deposit_arrears > 0 {
            let amount = self.money(input.deposit_arrears);
            parts
                .push(self.text("closure.detail.payments.deposit_arrears", &[("amount", &amount)]));
        }
        if money.negative_balance > 0 {
            let amount = self.money(money.negative_balance);
            let deposit = self.money(input.deposit);
            parts.push(if !money.from_deposit {
                self.text("closure.detail.payments.balance_owed", &[("amount", &amount)])
            } else if money.balance_covered {
                self.text(
                    "closure.detail.payments.balance_covered",
                    &[("amount", &amount), ("deposit", &deposit)],
                )
            } else {
                let shortfall = self.money(money.negative_balance.saturating_sub(input.deposit));
                self.text(
                    "closure.detail.payments.balance_exceeds",
                    &[("amount", &amount), ("deposit", &deposit), ("shortfall", &shortfall)],
                )
            });
        }
        if parts.is_empty() {
            return self.text("closure.detail.payments.none", &[]);
        }
        i18n::join(
            &parts,
            match self.lang {
                Lang::Zh => "",
                Lang::En | Lang::Id => " ",
            },
        )
    }
}

/// `items` as a list in `lang`: `a, b, c` (Chinese: `a、b、c`).
fn join_list(lang: Lang, items: &[&str]) -> String {
    i18n::join(
        items,
        match lang {
            Lang::Zh => "、",
            Lang::En | Lang::Id => ", ",
        },
    )
}

/// An amount of minor units written in the currency's major unit with its decimal places and
/// the language's separators: `IDR 1,500,000.00`, Indonesian `IDR 1.500.000,00`, `VND 150,000`.
pub fn money(lang: Lang, currency: &Currency, minor: i64) -> String {
    let places = u32::from(currency.minor_unit.min(9));
    let scale = 10_i64.pow(places);
    let major = i64::try_from((minor / scale).unsigned_abs()).unwrap_or(i64::MAX);
    let sign = if minor < 0 { "-" } else { "" };
    let mut out = format!("{sign}{} {}", currency.code, i18n::number(lang, major));
    if places > 0 {
        out.push(match lang {
            Lang::Id => ',',
            Lang::En | Lang::Zh => '.',
        });
        let fraction = (minor % scale).unsigned_abs().to_string();
        for _ in fraction.len()..places as usize {
            out.push('0');
        }
        out.push_str(&fraction);
    }
    out
}

/// At most [`ID_CHARS_SHOWN`] characters of a caller's string, marked with `…` when cut.
fn shorten(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(ID_CHARS_SHOWN) {
        None => Cow::Borrowed(s),
        Some((cut, _)) => Cow::Owned(format!("{}…", s.get(..cut).unwrap_or_default())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn currency(code: &str, minor_unit: u8) -> Currency {
        Currency { code: code.to_owned(), minor_unit }
    }

    #[test]
    fn money_is_written_with_the_currencys_decimal_places() {
        let idr = currency("IDR", 2);
        assert_eq!(money(Lang::En, &idr, 150_000_000), "IDR 1,500,000.00");
        assert_eq!(money(Lang::Id, &idr, 150_000_005), "IDR 1.500.000,05");
        assert_eq!(money(Lang::Zh, &idr, -5), "-IDR 0.05");
        assert_eq!(money(Lang::En, &currency("VND", 0), 150_000), "VND 150,000");
        assert_eq!(money(Lang::En, &currency("BHD", 3), 1_234), "BHD 1.234");
        assert_eq!(
            money(Lang::En, &currency("USD", 2), i64::MIN),
            "-USD 92,233,720,368,547,758.08"
        );
    }

    #[test]
    fn long_ids_are_cut_for_display() {
        assert_eq!(shorten("577123"), "577123");
        let long = "9".repeat(40);
        assert_eq!(shorten(&long), format!("{}…", "9".repeat(32)));
        assert_eq!(shorten(&"订".repeat(33)).chars().count(), 33);
    }

    #[test]
    fn the_one_pass_order_reader_accepts_only_what_the_decoder_accepts() {
        let cases = [
            (r#"{"id":"1","status":"completed","finalizedOn":"2026-01-01"}"#, true),
            (r#"{"finalizedOn":"2026-01-01","status":"closed","id":"1"}"#, true),
            (r#"{"id":"1","status":"shipped"}"#, true),
            (r#"{"id":"1","status":"shipped","finalizedOn":null}"#, true),
            (r#"{"id":" x","status":"\tshipped"}"#, true),
            (r#"{"id":"订单","status":"已完成"}"#, true),
            (r#"{"id":"1"}"#, false),
            (r#"{"status":"x"}"#, false),
            (r#"{"id":"","status":"x"}"#, false),
            (r#"{"id":"  ","status":"x"}"#, false),
            (r#"{"id":"1","status":"\u3000"}"#, false),
            (r#"{"id":1,"status":"x"}"#, false),
            (r#"{"id":"1","status":null}"#, false),
            (r#"{"id":"1","status":"x","finalizedOn":"2026-02-30"}"#, false),
            (r#"{"id":"1","status":"x","finalizedOn":20260101}"#, false),
            (r#"{"id":"1","status":"x","note":"y"}"#, false),
            (r#"["1","x"]"#, false),
            ("null", false),
        ];
        for (text, valid) in cases {
            let value = Value::parse_json(text).unwrap();
            let mut d = Decoder::new();
            let general = read_order(&mut d, &value, &Path::Root);
            let clean = d.is_clean();
            assert_eq!(clean && general.is_some(), valid, "{text}");
            match plain_order(&value) {
                Some(fast) => assert_eq!((clean, general), (true, Some(fast)), "{text}"),
                None => assert!(!valid, "{text}: a valid order left the fast path"),
            }
        }
        // The same object with a key repeated (only a hand-built value can have one).
        let twice = Value::Object(vec![
            ("id".into(), Value::string("1")),
            ("status".into(), Value::string("x")),
            ("id".into(), Value::string("2")),
        ]);
        assert_eq!(plain_order(&twice), None);
    }

    #[test]
    fn the_first_repeated_id_is_the_first_in_list_order() {
        fn naive(ids: &[String]) -> Option<(usize, usize)> {
            let mut first = std::collections::HashMap::new();
            ids.iter().enumerate().find_map(|(i, id)| match first.get(id) {
                Some(&earlier) => Some((earlier, i)),
                None => {
                    first.insert(id, i);
                    None
                }
            })
        }
        fn orders(ids: &[String]) -> Vec<Order<'_>> {
            ids.iter().map(|id| Order { id, status: "x", finalized_on: None }).collect()
        }
        let mut seed = 7_u64;
        let mut random = move |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        let ascending: Vec<String> = (0..2_000).map(|i| format!("5771{i:014}")).collect();
        let numeric: Vec<String> = (0..2_000).map(|i| i.to_string()).collect();
        let descending: Vec<String> = ascending.iter().rev().cloned().collect();
        let mut shuffled = ascending.clone();
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, random(i + 1));
        }
        for ids in [&ascending, &numeric, &descending, &shuffled] {
            assert_eq!(first_repeated_id(&orders(ids)), None);
            for _ in 0..50 {
                let mut with_repeats = ids.clone();
                for _ in 0..1 + random(3) {
                    let (from, to) = (random(ids.len()), random(ids.len()));
                    with_repeats[to] = with_repeats[from].clone();
                }
                let expected = naive(&with_repeats);
                assert_eq!(first_repeated_id(&orders(&with_repeats)), expected);
            }
        }
        let same: Vec<String> = vec!["x".into(); 100_000];
        assert_eq!(first_repeated_id(&orders(&same)), Some((0, 1)));
        let pair = ["b".to_owned(), "a".to_owned(), "b".to_owned(), "a".to_owned()];
        assert_eq!(first_repeated_id(&orders(&pair)), Some((0, 2)));
        assert_eq!(first_repeated_id(&[]), None);
    }

    #[test]
    fn id_hashes_do_not_collide_on_typical_ids() {
        use std::collections::HashSet;
        let distinct = |ids: Vec<String>| {
            let hashes: HashSet<u64> = ids.iter().map(|id| id_hash(id)).collect();
            // Table slots come from the low bits: they must spread too.
            let low: HashSet<u64> = hashes.iter().map(|h| h & 0xf_ffff).collect();
            (hashes.len(), low.len() * 100 / ids.len())
        };
        let n = 100_000;
        let (all, low) = distinct((0..n).map(|i| format!("5771{i:014}")).collect());
        assert_eq!(all, n);
        assert!(low > 80, "{low}% distinct in the low 20 bits");
        assert_eq!(distinct((0..n).map(|i| i.to_string()).collect()).0, n);
        assert_eq!(distinct((0..n).map(|i| format!("ORDER-{i}-ID")).collect()).0, n);
        assert_ne!(id_hash("a"), id_hash("a\0"));
        assert_ne!(id_hash(""), id_hash("\0"));
    }
}
