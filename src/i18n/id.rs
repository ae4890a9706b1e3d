//! Pesan berbahasa Indonesia. Keys sorted (see `tools/i18n_sort.py`); `{name}` placeholders.

pub(super) const MESSAGES: &[(&str, &str)] = &[
    ("capability.live_promotion", "Mempromosikan produk selama Siaran Langsung (LIVE)"),
    ("capability.profile_showcase", "Menampilkan produk di laman profil"),
    ("capability.video_promotion", "Mengiklankan dan mempromosikan produk dalam konten video"),
    ("category.ecommerce", "platform e-commerce lain"),
    ("category.link_in_bio", "halaman link-in-bio"),
    ("category.messenger", "aplikasi pesan"),
    ("category.shortener", "penyingkat tautan"),
    ("category.social", "media sosial"),
    ("category.tiktok", "TikTok"),
    (
        "closure.after.history_viewable",
        "Riwayat pesanan dan daftar produk tetap dapat dilihat, tetapi toko tidak dapat lagi berjualan.",
    ),
    (
        "closure.after.no_buyer_data",
        "Informasi pembeli yang diperoleh melalui toko tidak boleh disimpan.",
    ),
    (
        "closure.after.no_new_shop_same_country",
        "Toko baru tidak dapat didaftarkan di negara yang sama.",
    ),
    ("closure.after.obligations_remain", "Kewajiban dari transaksi sebelumnya tetap berlaku."),
    (
        "closure.condition.announcement_shown_30_days",
        "Pengumuman penutupan toko telah ditampilkan dengan jelas di beranda toko selama {days} hari.",
    ),
    ("closure.condition.campaigns_stopped", "Semua kampanye pemasaran telah dihentikan."),
    ("closure.condition.creators_unbound", "Semua akun kreator telah dilepas tautannya."),
    ("closure.condition.no_commission_arrears", "Tidak ada tunggakan komisi afiliasi."),
    ("closure.condition.orders_final", "Semua pesanan berstatus selesai atau ditutup."),
    (
        "closure.condition.orders_quiet_90_days",
        "Sudah lewat {days} hari kalender sejak pesanan terakhir menjadi selesai atau ditutup.",
    ),
    (
        "closure.condition.payments_settled",
        "Semua pembayaran antara toko dan TikTok Shop telah lunas, dari kedua arah.",
    ),
    ("closure.detail.and_more", "dan {count} lainnya"),
    (
        "closure.detail.announcement.met",
        "Ditampilkan sejak {since}; genap {days} hari pada {date}.",
    ),
    (
        "closure.detail.announcement.none",
        "Pengumuman penutupan toko belum ditampilkan; jika dipasang hari ini, genap {days} hari pada {date}.",
    ),
    (
        "closure.detail.announcement.pending",
        "Ditampilkan sejak {since}; akan genap {days} hari pada {date}.",
    ),
    ("closure.detail.campaigns.none", "Tidak ada kampanye pemasaran yang berjalan."),
    ("closure.detail.campaigns.open", "Kampanye pemasaran yang masih berjalan: {count}."),
    ("closure.detail.commission.none", "Tidak ada komisi afiliasi yang terutang."),
    ("closure.detail.commission.owed", "Komisi afiliasi yang terutang: {amount}."),
    ("closure.detail.creators.none", "Tidak ada akun kreator yang masih tertaut."),
    ("closure.detail.creators.open", "Akun kreator yang masih tertaut: {count}."),
    ("closure.detail.order", "{id} ({status})"),
    ("closure.detail.orders.final", "Pesanan berstatus akhir ({statuses}): {total} dari {total}."),
    ("closure.detail.orders.none", "Toko tidak memiliki pesanan."),
    (
        "closure.detail.orders.open",
        "Pesanan yang belum selesai: {open} dari {total} ({list}). Status akhir: {statuses}.",
    ),
    (
        "closure.detail.payments.balance_covered",
        "Saldo negatif sebesar {amount} diambil dari deposit sebesar {deposit}.",
    ),
    (
        "closure.detail.payments.balance_exceeds",
        "Saldo negatif sebesar {amount} melebihi deposit sebesar {deposit}; sisa {shortfall} harus dibayar.",
    ),
    (
        "closure.detail.payments.balance_owed",
        "Saldo negatif sebesar {amount} harus dibayar; kebijakan ini tidak mengambilnya dari deposit.",
    ),
    ("closure.detail.payments.deposit_arrears", "Tunggakan deposit: {amount}."),
    ("closure.detail.payments.none", "Tidak ada yang terutang dari kedua pihak."),
    (
        "closure.detail.payments.unpaid_invoices",
        "Tagihan dari TikTok Shop yang belum dibayar: {amount}.",
    ),
    (
        "closure.detail.quiet.met",
        "Pesanan terakhir ({id}) berstatus akhir sejak {last}; genap {days} hari kalender pada {date}.",
    ),
    ("closure.detail.quiet.none", "Toko tidak memiliki pesanan, jadi tidak ada masa tunggu."),
    (
        "closure.detail.quiet.open",
        "Pesanan yang belum selesai: {open}; hitungan {days} hari kalender dimulai saat pesanan terakhir berstatus akhir.",
    ),
    (
        "closure.detail.quiet.pending",
        "Pesanan terakhir ({id}) berstatus akhir sejak {last}; akan genap {days} hari kalender pada {date}.",
    ),
    (
        "closure.step.agree",
        "Centang persetujuan untuk menutup toko; toko kemudian ditutup dan sisa deposit dikembalikan.",
    ),
    (
        "closure.step.apply",
        "Ajukan di Seller Center (Akun Saya → Profil Penjual → Tutup Toko), pilih toko dan alasannya. Sejak itu semua produk diturunkan dan tidak ada transaksi baru.",
    ),
    ("closure.step.meet_conditions", "Penuhi semua syarat penutupan toko."),
    ("closure.step.verify_details", "Verifikasi jenis usaha, nama toko, dan nama perusahaan."),
    (
        "closure.withdrawal.open",
        "Penutupan toko ini dapat dibatalkan selama langkah {step} belum dilakukan.",
    ),
    (
        "closure.withdrawal.platform",
        "Penutupan toko yang dimulai oleh TikTok Shop tidak dapat dibatalkan.",
    ),
    (
        "closure.withdrawal.too_late",
        "Penutupan toko ini tidak dapat dibatalkan lagi: langkah {step} sudah dilakukan.",
    ),
    (
        "health.action.campaign_affiliate_removal_listing_limit",
        "Dikeluarkan sementara dari kampanye dan afiliasi; produk baru dibatasi.",
    ),
    (
        "health.action.campaign_limits_7_days",
        "Partisipasi kampanye dan manfaat penjual dibatasi selama 7 hari.",
    ),
    ("health.action.permanent_suspension", "Toko ditangguhkan secara permanen."),
    (
        "health.action.score_0_enforcement",
        "Skor kesehatan 0: penindakan paling berat, hingga penghapusan.",
    ),
    (
        "health.action.score_100_enforcement",
        "Skor kesehatan 100 atau kurang: penindakan lebih berat.",
    ),
    (
        "health.action.score_150_enforcement",
        "Skor kesehatan 150 atau kurang: akun tidak sehat dan penindakan dimulai.",
    ),
    ("health.action.score_50_enforcement", "Skor kesehatan 50 atau kurang: penindakan berat."),
    (
        "health.action.shop_deactivated_28_days",
        "Toko dinonaktifkan selama 28 hari; tanpa manfaat platform selama 60 hari.",
    ),
    ("route.account_status_page", "laman Posisi Akun"),
    ("route.creator_tools", "Alat bantu kreator → TikTok Shop, dari laman profil Anda"),
    ("surface.bio", "bio profil"),
    ("surface.chat", "pesan chat"),
    ("surface.comment", "komentar"),
    ("surface.live", "LIVE"),
    ("surface.product", "judul atau deskripsi produk"),
    ("surface.video", "keterangan video"),
    ("verdict.allow", "Diizinkan"),
    ("verdict.block", "Dilarang"),
    ("verdict.review", "Perlu ditinjau"),
];
