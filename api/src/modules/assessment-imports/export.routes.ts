import express from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { InvalidInputError } from '../../errors/domain-errors.ts';
import { AdminLevel } from '../admin-units/admin-unit.entity.ts';
import { AssessmentExportService } from './export.service.ts';
import type { SheetFormat } from './sheet-reader.ts';

/**
 * GET /export/assessments.xlsx?unit=20&year=2017[&level=district][&set=commune-2016][&demo=false] (or .csv):
 * the import template filled with the stored assessments; `demo=false` leaves demo rows blank (default:
 * the server's DEMO_DATA setting). Read access and errors are the app's (app.ts).
 */
export function exportRoutes(orm: MikroORM, demoByDefault = true): express.Router {
  const router = express.Router();
  for (const format of ['xlsx', 'csv'] as SheetFormat[]) {
    router.get(`/assessments.${format}`, async (req, res, next) => {
      try {
        const { unit, year, level, set, demo } = req.query;
        if (typeof unit !== 'string' || !/^\d{2,5}$/.test(unit)) throw new InvalidInputError('unit must be a GSO code, e.g. unit=20', { field: 'unit' });
        if (typeof year !== 'string' || !/^\d{4}$/.test(year)) throw new InvalidInputError('year must be a year, e.g. year=2017', { field: 'year' });
        if (level !== undefined && level !== AdminLevel.COMMUNE && level !== AdminLevel.DISTRICT) {
          throw new InvalidInputError('level must be commune or district', { field: 'level' });
        }
        if (set !== undefined && (typeof set !== 'string' || !/^[a-z0-9-]{3,60}$/.test(set))) {
          throw new InvalidInputError('set must be a criteria set code such as commune-2016', { field: 'set' });
        }
        if (demo !== undefined && demo !== 'true' && demo !== 'false') throw new InvalidInputError('demo must be true or false', { field: 'demo' });
        const file = await new AssessmentExportService(orm.em.fork()).export({
          unitCode: unit,
          year: Number(year),
          format,
          level: level as AdminLevel | undefined,
          set,
          includeDemo: demo === undefined ? demoByDefault : demo === 'true',
        });
        res
          .status(200)
          .type(file.contentType)
          .setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`)
          .setHeader('X-Content-Type-Options', 'nosniff')
          .send(file.body);
      } catch (error) {
        next(error);
      }
    });
  }
  return router;
}
