import { Button, Divider, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { CATEGORIES, GENDERS, METALS, OCCASIONS, PURITIES, PURITIES_BY_METAL, type Product } from '../../api/contracts';
import { ProductImageEditor } from './ProductImageEditor';
import { useProductForm } from './useProductForm';

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** Add a product, or edit every field of one (the grid edits the common ones in place). */
export function ProductFormModal({ product, onClose, onSaved }: { product?: Product; onClose: () => void; onSaved: (p: Product) => void }) {
  const { form, onSubmit } = useProductForm(product, (saved) => {
    onSaved(saved);
    onClose();
  });
  const field = form.getInputProps;
  const metal = form.values.metal;
  const purities = metal ? PURITIES_BY_METAL[metal] : PURITIES;

  return (
    <Modal opened onClose={onClose} size="xl" title={product ? `Edit ${product.sku}` : 'Add a product'}>
      <form onSubmit={onSubmit} noValidate aria-label={product ? 'Edit product' : 'New product'}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="SKU" withAsterisk disabled={!!product} description={product ? 'A SKU cannot change' : 'Your item code'} {...field('sku')} />
            <TextInput label="Name" withAsterisk {...field('name')} />
            <Select label="Category" withAsterisk data={options(CATEGORIES)} allowDeselect={false} {...field('category')} />
            <TextInput label="Style" placeholder="Jhumka, Kada, Solitaire…" {...field('style')} />
            <Select label="Metal" clearable data={options(METALS)} {...field('metal')} />
            <Select label="Purity" clearable data={options(purities)} {...field('purity')} />
            <NumberInput label="Gross weight (g)" min={0} decimalScale={3} allowNegative={false} {...field('grossWeightGrams')} />
            <NumberInput label="Net weight (g)" min={0} decimalScale={3} allowNegative={false} {...field('netWeightGrams')} />
            <NumberInput label="Price (₹)" withAsterisk prefix="₹" thousandSeparator="," thousandsGroupStyle="lakh" allowDecimal={false} allowNegative={false} {...field('price')} />
            <NumberInput label="Stock" min={0} allowDecimal={false} allowNegative={false} {...field('stock')} />
            <TagsInput label="Stones" placeholder="ruby, pearl…" {...field('stones')} />
            <NumberInput label="Stone carat" min={0} decimalScale={2} allowNegative={false} {...field('stoneCarat')} />
            <Select label="Gender" clearable data={options(GENDERS)} {...field('gender')} />
            <TagsInput label="Occasions" data={[...OCCASIONS]} placeholder="bridal, festive…" {...field('occasions')} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} maxRows={6} {...field('description')} />
          <TextInput label="Web page" type="url" placeholder="https://…" {...field('url')} />
          {product ? (
            <>
              <Divider label="Picture" labelPosition="left" />
              <ProductImageEditor product={product} onChanged={onSaved} />
            </>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={form.submitting}>
              {product ? 'Save' : 'Add product'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
