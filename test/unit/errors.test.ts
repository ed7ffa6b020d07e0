import { expect } from 'chai';
import { AppError } from '../../src/errors.ts';
import { ImportRejected } from '../../src/progress/imports/storeImport.ts';

describe('AppError', () => {
  it('instanceof – an AppError is one, a plain Error is not; a subclass matches only its own instances', () => {
    expect(new AppError('x.y', 'x', 502) instanceof AppError).to.equal(true);
    expect(new Error('plain') instanceof AppError).to.equal(false);
    expect(new AppError('x', 'x') instanceof ImportRejected).to.equal(false);
    expect(new ImportRejected([{ where: 'line 2', message: 'unknown problem' } as never]) instanceof AppError).to.equal(
      true,
    );
  });
});
