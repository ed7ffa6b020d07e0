import { expect } from 'chai';
import { AppError } from '../../src/errors.ts';
import { ImportRejected } from '../../src/progress/imports/storeImport.ts';

describe('AppError', () => {
  it('instanceof – an AppError made by another copy of the module (a lazily imported command) – still an AppError', async () => {
    const copy = (await import(`../../src/errors.ts?copy=${Date.now()}`)) as typeof import('../../src/errors.ts');
    expect(copy.AppError).to.not.equal(AppError);
    const foreign = new copy.AppError('x.y', 'from the other copy', 502);
    expect(foreign instanceof AppError).to.equal(true);
    expect(new Error('plain') instanceof AppError).to.equal(false);
  });

  it('instanceof a subclass – only its own instances, not every AppError', () => {
    expect(new AppError('x', 'x') instanceof ImportRejected).to.equal(false);
    expect(new ImportRejected([{ where: 'line 2', message: 'unknown problem' } as never]) instanceof AppError).to.equal(
      true,
    );
  });
});
