import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { expectedParams, type ListSource } from './source.ts';

/** A list copied to a local directory (a clone or an unpacked archive): the same relative paths as on the web. */
export function directorySource(location: string): ListSource {
  const describe = (relPath: string) => path.join(location, ...relPath.split('/'));
  return {
    location,
    describe,
    cacheable: () => [],
    read: async (relPath, expected, options = {}) => {
      const file = describe(relPath);
      if (path.relative(location, file).startsWith('..')) {
        throw new AppError('catalog.outside_source', `${relPath} lies outside ${location}; expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
      }
      try {
        return await fs.promises.readFile(file, 'utf8');
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ENOENT' && !fs.existsSync(location)) {
          throw new AppError('catalog.no_directory', `directory ${location} does not exist; expected a copy of the list (${expected.text})`, 422, { file: location, ...expectedParams(expected) });
        }
        if (code === 'ENOENT' && options.optional) return undefined;
        if (code === 'ENOENT') throw new AppError('catalog.file_missing', `${file} does not exist; expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
        throw new AppError('catalog.file_unreadable', `cannot read ${file} (${code ?? (error as Error).message}); expected ${expected.text}`, 422, { file, ...expectedParams(expected) });
      }
    },
  };
}
