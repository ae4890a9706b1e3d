// What the command line and the "Check my catalog" page share about spreadsheets: the column
// names of catalog exports, in the languages of the site and of Seller Center (which columns hold
// text to check, and which one identifies a product), and a cell's text as exceljs reads it.
//
// Seller Center's product export and batch-edit templates name their columns in the seller's
// language ("Product Name", "Nama Produk", "商品名称"…) and mark required ones with "*"; the names
// here are the ones seen in public templates and guides, plus the plain words sellers use in
// their own spreadsheets. They are matched after `headerKey` folds case, spacing, "*" and notes
// in brackets, so "* Product name (required)" is "product name".

/** Folds a header cell for matching: NFKC, lowercase, no "*", no notes in brackets, one space. */
export function headerKey(cell) {
  return String(cell ?? "")
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|（.*?）|【.*?】|\*/g, "")
    .replace(/[\s_\-:：]+/g, " ")
    .trim();
}

/** Columns whose texts are checked by default. */
export const TEXT_COLUMNS = [
  // en
  "product name", "product title", "title", "product description", "description", "caption", "video caption",
  "bio", "short description", "product highlights",
  // id / ms
  "nama produk", "judul produk", "judul", "deskripsi produk", "deskripsi", "keterangan", "penerangan produk",
  "penerangan", "caption video",
  // zh
  "商品名称", "商品标题", "标题", "商品描述", "描述", "商品详情", "文案", "视频文案", "商品名稱", "商品描述文字",
  // th
  "ชื่อสินค้า", "รายละเอียดสินค้า", "คำอธิบายสินค้า", "คำบรรยาย", "แคปชั่น",
  // vi
  "tên sản phẩm", "mô tả sản phẩm", "mô tả", "tiêu đề", "chú thích",
  // tl
  "pangalan ng produkto", "paglalarawan",
];

/** Columns that identify a row, quoted in results. */
export const ID_COLUMNS = [
  "product id", "id", "sku", "seller sku", "sku id", "id produk", "kode produk", "sku penjual",
  "商品id", "商品编号", "商品 id", "รหัสสินค้า", "id sản phẩm", "mã sản phẩm",
];

export const COLUMN_NAMES = new Set(TEXT_COLUMNS.map(headerKey));
export const ID_NAMES = new Set(ID_COLUMNS.map(headerKey));

/** Text of an exceljs cell value: rich text, hyperlinks, formulas and dates included. */
export function cellText(v) {
  if (v == null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
  if (v.text !== undefined) return cellText(v.text);
  if (v.result !== undefined) return cellText(v.result);
  if (v.hyperlink !== undefined) return String(v.hyperlink);
  return "";
}
