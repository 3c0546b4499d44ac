import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useApiClient } from '../../api/ApiContext';
import { ApiClientError } from '../../api/client';
import { ProductCreateSchema, type Category, type Gender, type Metal, type Product, type ProductCreate, type Purity } from '../../api/contracts';
import { zodFormValidator } from '../../ui/zodFormErrors';

/** Number inputs hold '' while empty. */
type NumberField = number | string;

export interface ProductFormValues {
  sku: string;
  name: string;
  category: Category;
  style: string;
  metal: Metal | null;
  purity: Purity | null;
  grossWeightGrams: NumberField;
  netWeightGrams: NumberField;
  stones: string[];
  stoneCarat: NumberField;
  price: NumberField;
  stock: NumberField;
  description: string;
  gender: Gender | null;
  occasions: string[];
  url: string;
}

const num = (v: NumberField) => (v === '' ? null : Number(v));

export function toProductInput(v: ProductFormValues): ProductCreate {
  return {
    ...v,
    style: v.style.trim() || null,
    grossWeightGrams: num(v.grossWeightGrams),
    netWeightGrams: num(v.netWeightGrams),
    stoneCarat: num(v.stoneCarat),
    price: num(v.price) as number,
    stock: num(v.stock) ?? 0,
    url: v.url.trim() || null,
  };
}

export function formValues(p?: Product): ProductFormValues {
  return {
    sku: p?.sku ?? '',
    name: p?.name ?? '',
    category: p?.category ?? 'ring',
    style: p?.style ?? '',
    metal: p ? p.metal : 'gold',
    purity: p ? p.purity : '22K',
    grossWeightGrams: p?.grossWeightGrams ?? '',
    netWeightGrams: p?.netWeightGrams ?? '',
    stones: p?.stones ?? [],
    stoneCarat: p?.stoneCarat ?? '',
    price: p?.price ?? '',
    stock: p?.stock ?? 1,
    description: p?.description ?? '',
    gender: p ? p.gender : 'women',
    occasions: p?.occasions ?? [],
    url: p?.url ?? '',
  };
}

const schemaErrors = zodFormValidator(ProductCreateSchema);

function validate(values: ProductFormValues): Record<string, string> {
  const errors = schemaErrors(toProductInput(values));
  if (values.price === '') errors.price = 'Enter the price in whole rupees';
  return errors;
}

/** Add (POST) or edit (PUT) a product, checked with the shared schema; server field errors shown in place. */
export function useProductForm(editing: Product | undefined, onSaved: (product: Product) => void) {
  const client = useApiClient();
  const form = useForm<ProductFormValues>({ mode: 'controlled', initialValues: formValues(editing), validate, validateInputOnBlur: true });

  const save = async (values: ProductFormValues) => {
    const input = toProductInput(values);
    try {
      const { sku, ...patch } = input;
      const saved = editing
        ? await client.call('updateProduct', { params: { sku: editing.sku }, body: patch })
        : await client.call('createProduct', { body: { ...patch, sku } });
      notifications.show({ color: 'teal', title: editing ? 'Product saved' : 'Product added', message: `${saved.sku} · ${saved.name}` });
      onSaved(saved);
    } catch (err) {
      if (err instanceof ApiClientError && Object.keys(err.fields).length > 0) form.setErrors(err.fields);
      notifications.show({ color: 'red', title: 'The product was not saved', message: err instanceof Error ? err.message : 'Something went wrong.' });
    }
  };

  return { form, onSubmit: form.onSubmit(save) };
}

export type ProductFormApi = ReturnType<typeof useProductForm>['form'];
