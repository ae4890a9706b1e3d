//! English messages. Keys sorted (see `tools/i18n_sort.py`); `{name}` placeholders.

pub(super) const MESSAGES: &[(&str, &str)] = &[
    ("capability.live_promotion", "Promote products during LIVE"),
    ("capability.profile_showcase", "Show products on your profile"),
    ("capability.video_promotion", "Promote products in videos"),
    ("category.ecommerce", "another e-commerce platform"),
    ("category.link_in_bio", "a link-in-bio page"),
    ("category.messenger", "a messenger"),
    ("category.shortener", "a link shortener"),
    ("category.social", "a social network"),
    ("category.tiktok", "TikTok"),
    (
        "closure.after.history_viewable",
        "Order history and product listings stay viewable, but the shop can no longer trade.",
    ),
    (
        "closure.after.no_buyer_data",
        "Buyer information obtained through the shop must not be kept.",
    ),
    (
        "closure.after.no_new_shop_same_country",
        "No new shop can be registered in the same country.",
    ),
    ("closure.after.obligations_remain", "Obligations arising from past transactions remain."),
    (
        "closure.condition.announcement_shown_30_days",
        "The shop closure announcement has been shown prominently on the shop homepage for {days} days.",
    ),
    ("closure.condition.campaigns_stopped", "All marketing campaigns have been stopped."),
    ("closure.condition.creators_unbound", "All creator accounts have been unbound."),
    ("closure.condition.no_commission_arrears", "There are no affiliate commission arrears."),
    ("closure.condition.orders_final", "Every order is completed or closed."),
    (
        "closure.condition.orders_quiet_90_days",
        "{days} natural days have passed since the last order became completed or closed.",
    ),
    (
        "closure.condition.payments_settled",
        "All payments between the shop and TikTok Shop are settled, both ways.",
    ),
    (
        "closure.step.agree",
        "Tick the box agreeing to close your shop; the shop then closes and the remaining deposit is refunded.",
    ),
    (
        "closure.step.apply",
        "Apply in Seller Center (My Account → Seller Profile → Close Shop), choosing the shop and a reason. From then on all products are delisted and no new transactions are possible.",
    ),
    ("closure.step.meet_conditions", "Meet every closure condition."),
    ("closure.step.verify_details", "Verify the business type, shop name and company name."),
    (
        "health.action.campaign_affiliate_removal_listing_limit",
        "Temporary removal from campaigns and affiliate; new listings limited.",
    ),
    (
        "health.action.campaign_limits_7_days",
        "Campaign participation and seller benefits limited for 7 days.",
    ),
    ("health.action.permanent_suspension", "Permanent suspension of the shop."),
    (
        "health.action.score_0_enforcement",
        "Health score 0: the most severe enforcement, up to removal.",
    ),
    ("health.action.score_100_enforcement", "Health score 100 or lower: stronger enforcement."),
    (
        "health.action.score_150_enforcement",
        "Health score 150 or lower: the account is unhealthy and enforcement begins.",
    ),
    ("health.action.score_50_enforcement", "Health score 50 or lower: severe enforcement."),
    (
        "health.action.shop_deactivated_28_days",
        "Shop deactivated for 28 days; no platform benefits for 60 days.",
    ),
    (
        "health.clearing_stopped",
        "Active points reached {points} on {date}; from then on points no longer clear.",
    ),
    (
        "health.points_validity",
        "Each violation point counts for {days} days from the day it is issued, then expires.",
    ),
    (
        "health.points_validity_until_stop",
        "Each violation point counts for {days} days from the day it is issued, then expires, unless active points reach {points}: from then on they no longer clear.",
    ),
    (
        "health.policy_quiz",
        "Passing the policy quiz of a violation ({questions} questions, full marks) takes {removed} off its points. The quiz is open from the day the violation is issued to the last day of the following month, {attempts} attempts a month; at most one removal per violation type every {cooldown} days.",
    ),
    ("health.score", "Health score {score} on a scale of {min} to {max}: {status}."),
    (
        "health.score_deduction",
        "The score is an estimate: the sources do not say how much a violation lowers it, so this policy subtracts each active violation point from the starting score of {start}.",
    ),
    ("health.score_status.caution", "caution"),
    ("health.score_status.healthy", "healthy"),
    ("health.score_status.unhealthy", "unhealthy"),
    (
        "health.warning.points",
        "Approaching the {points}-point milestone ({pointsToGo} to go): {action}",
    ),
    (
        "health.warning.score",
        "Approaching the score {points} milestone ({pointsToGo} to go): {action}",
    ),
    (
        "health.weekly_report",
        "Last {days} days ({from} to {to}): violations {violations}, points {points}.",
    ),
    ("route.account_status_page", "the Account Status page"),
    ("route.creator_tools", "Creator tools → TikTok Shop, from your profile"),
    ("surface.bio", "profile bio"),
    ("surface.chat", "chat message"),
    ("surface.comment", "comment"),
    ("surface.live", "LIVE"),
    ("surface.product", "product title or description"),
    ("surface.video", "video caption"),
    ("verdict.allow", "Allowed"),
    ("verdict.block", "Blocked"),
    ("verdict.review", "Needs review"),
];
