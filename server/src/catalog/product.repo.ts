import type { Category, Gender, Metal, Product, Purity } from '../contracts/index.js';
import type { Db } from '../db/index.js';

interface ProductRow {
  sku: string;
  name: string;
  category: Category;
  style: string | null;
  metal: Metal | null;
  purity: Purity | null;
  gross_weight_mg: number | null;
  net_weight_mg: number | null;
  stones: string;
  stone_carat: number | null;
  price: number;
  stock: number;
  description: string;
  gender: Gender | null;
  occasions: string;
  images: string;
  url: string | null;
  content_hash: string;
  updated_at: string;
}

const COLUMNS = `sku, name, category, style, metal, purity, gross_weight_mg, net_weight_mg, stones, stone_carat, price, stock,
  description, gender, occasions, images, url, content_hash, updated_at`;

const toGrams = (mg: number | null) => (mg === null ? null : mg / 1000);
const toMg = (g: number | null) => (g === null ? null : Math.round(g * 1000));

function fromRow(r: ProductRow): Product {
  return {
    sku: r.sku,
    name: r.name,
    category: r.category,
    style: r.style,
    metal: r.metal,
    purity: r.purity,
    grossWeightGrams: toGrams(r.gross_weight_mg),
    netWeightGrams: toGrams(r.net_weight_mg),
    stones: JSON.parse(r.stones) as string[],
    stoneCarat: r.stone_carat,
    price: r.price,
    stock: r.stock,
    description: r.description,
    gender: r.gender,
    occasions: JSON.parse(r.occasions) as string[],
    images: JSON.parse(r.images) as string[],
    url: r.url,
    updatedAt: r.updated_at,
  };
}

function toParams(p: Product, hash: string, time: string) {
  return {
    sku: p.sku,
    name: p.name,
    category: p.category,
    style: p.style,
    metal: p.metal,
    purity: p.purity,
    gross: toMg(p.grossWeightGrams),
    net: toMg(p.netWeightGrams),
    stones: JSON.stringify(p.stones),
    carat: p.stoneCarat,
    price: p.price,
    stock: p.stock,
    description: p.description,
    gender: p.gender,
    occasions: JSON.stringify(p.occasions),
    images: JSON.stringify(p.images),
    url: p.url,
    hash,
    time,
  };
}

export interface StoredProduct {
  product: Product;
  hash: string;
}

/** SQL for products, nothing else. SKUs compare without case (the column is `collate nocase`). */
export function productRepo(db: Db) {
  const all = db.prepare<[], ProductRow>(`select ${COLUMNS} from products order by sku`);
  const one = db.prepare<[string], ProductRow>(`select ${COLUMNS} from products where sku = ?`);
  const count = db.prepare<[], { n: number }>('select count(*) as n from products');
  const insert = db.prepare(
    `insert into products (sku, name, category, style, metal, purity, gross_weight_mg, net_weight_mg, stones, stone_carat, price, stock,
       description, gender, occasions, images, url, content_hash, created_at, updated_at)
     values (@sku, @name, @category, @style, @metal, @purity, @gross, @net, @stones, @carat, @price, @stock,
       @description, @gender, @occasions, @images, @url, @hash, @time, @time)`,
  );
  const update = db.prepare(
    `update products set sku = @sku, name = @name, category = @category, style = @style, metal = @metal, purity = @purity,
       gross_weight_mg = @gross, net_weight_mg = @net, stones = @stones, stone_carat = @carat, price = @price, stock = @stock,
       description = @description, gender = @gender, occasions = @occasions, images = @images, url = @url,
       content_hash = @hash, updated_at = @time
     where sku = @sku`,
  );
  const remove = db.prepare('delete from products where sku = ?');
  const allImages = db.prepare<[], { images: string }>("select images from products where images <> '[]'");

  return {
    all(): Product[] {
      return all.all().map(fromRow);
    },
    get(sku: string): StoredProduct | undefined {
      const r = one.get(sku);
      return r && { product: fromRow(r), hash: r.content_hash };
    },
    count(): number {
      return count.get()?.n ?? 0;
    },
    insert(p: Product, hash: string, time: string): void {
      insert.run(toParams(p, hash, time));
    },
    update(p: Product, hash: string, time: string): void {
      update.run(toParams(p, hash, time));
    },
    delete(sku: string): boolean {
      return remove.run(sku).changes > 0;
    },
    /** Every image path any product refers to (for cleaning up files nothing uses). */
    referencedImages(): Set<string> {
      return new Set(allImages.all().flatMap((r) => JSON.parse(r.images) as string[]));
    },
    transaction<T>(fn: () => T): T {
      return db.transaction(fn)();
    },
  };
}
export type ProductRepo = ReturnType<typeof productRepo>;
