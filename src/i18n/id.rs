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
    (
        "health.clearing_stopped",
        "Poin aktif mencapai {points} pada {date}; sejak itu poin tidak lagi dihapus.",
    ),
    (
        "health.points_validity",
        "Setiap poin pelanggaran berlaku selama {days} hari sejak tanggal diberikan, lalu kedaluwarsa.",
    ),
    (
        "health.points_validity_until_stop",
        "Setiap poin pelanggaran berlaku selama {days} hari sejak tanggal diberikan, lalu kedaluwarsa, kecuali jika poin aktif mencapai {points}: sejak itu poin tidak lagi dihapus.",
    ),
    (
        "health.policy_quiz",
        "Lulus kuis kebijakan suatu pelanggaran ({questions} pertanyaan, semua benar) mengurangi poinnya sebanyak {removed}. Kuis dapat diikuti sejak hari pelanggaran diberikan hingga hari terakhir bulan berikutnya, {attempts} kali per bulan; paling banyak satu pengurangan per jenis pelanggaran setiap {cooldown} hari.",
    ),
    ("health.score", "Skor kesehatan {score} pada skala {min} sampai {max}: {status}."),
    (
        "health.score_deduction",
        "Skor ini perkiraan: sumber tidak menyebutkan seberapa besar satu pelanggaran menurunkan skor, jadi kebijakan ini mengurangi skor awal {start} dengan setiap poin pelanggaran yang aktif.",
    ),
    ("health.score_status.caution", "perlu perhatian"),
    ("health.score_status.healthy", "sehat"),
    ("health.score_status.unhealthy", "tidak sehat"),
    ("health.warning.points", "Mendekati batas {points} poin (kurang {pointsToGo} lagi): {action}"),
    ("health.warning.score", "Mendekati batas skor {points} (kurang {pointsToGo} lagi): {action}"),
    (
        "health.weekly_report",
        "{days} hari terakhir ({from} s.d. {to}): {violations} pelanggaran, {points} poin.",
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
