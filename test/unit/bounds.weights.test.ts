import { expect } from 'chai';
import { AppError } from '../../src/errors.ts';
import { parseWeightsForm } from '../../src/plans/weights.ts';
import { smallCatalog } from './planner-support.ts';

const catalog = smallCatalog({ graph_traversal: [5, 6], simulation: [7, 8] });

function code(form: Record<string, string>): string {
  try {
    parseWeightsForm(catalog, form);
  } catch (error) {
    if (error instanceof AppError) return `${error.code} ${error.status}`;
    throw error;
  }
  return 'accepted';
}

describe('parseWeightsForm() – custom weights are bounded', () => {
  it('plain decimals 0–100 are accepted and normalised', () => {
    expect(parseWeightsForm(catalog, { graph_traversal: '12.5', simulation: '37.5' })).to.deep.equal({
      graph_traversal: 0.25,
      simulation: 0.75,
    });
    expect(parseWeightsForm(catalog, { graph_traversal: '.5', simulation: '' })).to.deep.equal({
      graph_traversal: 1,
      simulation: 0,
    });
  });

  for (const value of ['1e2', '0x10', '-0', '+5', 'Infinity', '100.5', '1000', '5.123456', '1_0']) {
    it(`a weight of "${value}" – 422 naming the type`, () => {
      expect(code({ graph_traversal: value, simulation: '10' })).to.equal('planner.bad_weight 422');
    });
  }

  it('more than 200 weight fields – 422, whatever their names', () => {
    const form = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`junk_${i}`, '1']));
    expect(code({ ...form, graph_traversal: '10' })).to.equal('planner.too_many_weights 422');
    expect(code({ ...Object.fromEntries(Object.entries(form).slice(0, 150)), graph_traversal: '10' })).to.equal(
      'accepted',
    );
  });
});
