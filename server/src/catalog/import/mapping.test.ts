import { describe, expect, it } from 'vitest';
import { parseMapOption, suggestMapping } from './mapping.js';

describe('suggested column mapping', () => {
  it.each([
    {
      style: 'billing software export',
      headers: ['Sr. No.', 'Item Code', 'Product Name', 'Type', 'Karat/Purity', 'Gross Wt (g)', 'Net Wt', 'MRP (₹)', 'Qty In Hand', 'Stone Details'],
      rows: [['1', 'AJ-1', 'Jhumka', 'Jhumka', '916', '12.4', '11.9', '1,25,000', '2', 'Ruby']],
      expected: { 'Sr. No.': null, 'Item Code': 'sku', 'Product Name': 'name', Type: 'category', 'Karat/Purity': 'purity', 'Gross Wt (g)': 'grossWeightGrams', 'Net Wt': 'netWeightGrams', 'MRP (₹)': 'price', 'Qty In Hand': 'stock', 'Stone Details': 'stones' },
    },
    {
      style: 'hand-made sheet',
      headers: ['Design No', 'Description', 'Gold Wt', 'Dia Ct', 'Rate', 'Qty', 'Photo'],
      rows: [['D-7', 'Diamond ring in 18K', '3.1', '0.25', '48000', '1', 'photos/D-7.jpg']],
      expected: { 'Design No': 'sku', Description: 'description', 'Gold Wt': 'netWeightGrams', 'Dia Ct': 'stoneCarat', Rate: 'price', Qty: 'stock', Photo: 'images' },
    },
    {
      style: 'headers that say nothing, values that do',
      headers: ['SKU', 'Name', 'Col3', 'Col4', 'Price'],
      rows: [['A1', 'Ring', 'Gold', '22K', '1000'], ['A2', 'Chain', 'Silver', '925', '900'], ['A3', 'Kada', 'Rose Gold', '18K', '5000']],
      expected: { SKU: 'sku', Name: 'name', Col3: 'metal', Col4: 'purity', Price: 'price' },
    },
    {
      style: 'an ambiguous "Carat" column decided by its values',
      headers: ['Code', 'Name', 'Carat', 'Price'],
      rows: [['C1', 'Solitaire', '0.50', '90000'], ['C2', 'Band', '0.10', '20000']],
      expected: { Code: 'sku', Name: 'name', Carat: 'stoneCarat', Price: 'price' },
    },
    {
      style: 'a "Type" column that holds metals',
      headers: ['SKU', 'Name', 'Type', 'MRP'],
      rows: [['T1', 'Jhumka', 'Gold', '1'], ['T2', 'Payal', 'Silver', '2']],
      expected: { SKU: 'sku', Name: 'name', Type: 'metal', MRP: 'price' },
    },
  ])('$style', ({ headers, rows, expected }) => {
    expect(suggestMapping(headers, rows)).toEqual(expected);
  });
});

describe('--map', () => {
  it('reads Header=field pairs, friendly field names, blanks as ignored, and commas inside headers', () => {
    expect(parseMapOption('Item Code=sku,MRP (₹)=price,Gross Weight=grossWeight,Remarks=,Size, in mm=-')).toEqual({
      'Item Code': 'sku',
      'MRP (₹)': 'price',
      'Gross Weight': 'grossWeightGrams',
      Remarks: null,
      'Size, in mm': null,
    });
    expect(() => parseMapOption('Item Code=colour')).toThrow(/"colour" is not a product field/);
    expect(() => parseMapOption('justtext')).toThrow(/not Header=field/);
  });
});
