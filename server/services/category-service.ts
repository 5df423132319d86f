import { Db, Tx } from '../../graph/database';
import { findCategoriesByCodes, listCategories } from '../../graph/repositories/category-repository';
import { ValidationError } from '../errors';
import { ResourceCategoryData, ResourceFamilyName } from '../domain/model';
import { categorize, CategorySuggestion } from '../domain/taxonomy/categorize';
import { loadTaxonomy, ResourceCategoryRecord } from '../domain/taxonomy/taxonomy';

/** Below this confidence a description is left without category rather than mis-filed. */
export const INFERENCE_MIN_CONFIDENCE = 0.35;

/** The resource taxonomy: listing and categorisation of free text. */
export class CategoryService {
  constructor(
    private readonly db: Db,
    private readonly taxonomy: ResourceCategoryRecord[] = loadTaxonomy(),
  ) {}

  /** The same taxonomy over another executor (one per request), without re-reading the file. */
  withDb(db: Db): CategoryService {
    return new CategoryService(db, this.taxonomy);
  }

  list(family: ResourceFamilyName | null): Promise<ResourceCategoryData[]> {
    return this.db.read((tx) => listCategories(tx, family));
  }

  /** The taxonomy as the data file gives it (the graph holds the same categories). */
  records(): readonly ResourceCategoryRecord[] {
    return this.taxonomy;
  }

  /** Category suggestions for a free-text description, best first. */
  suggest(text: string, limit = 5): { code: string; confidence: number }[] {
    return categorize(text, this.taxonomy, limit);
  }

  /**
   * The category to file a description under when the caller gave none, with its confidence;
   * null when no category reaches INFERENCE_MIN_CONFIDENCE.
   */
  infer(description: string): CategorySuggestion | null {
    const [best] = this.suggest(description, 1);
    return best && best.confidence >= INFERENCE_MIN_CONFIDENCE ? best : null;
  }

  /** The code of {@link infer}'s category, or null. */
  inferCode(description: string): string | null {
    return this.infer(description)?.code ?? null;
  }
}

/** Refuses an unknown category code (inside the caller's transaction); absent codes pass. */
export async function assertCategoryExists(tx: Tx, code: string | null | undefined, field: string): Promise<void> {
  if (!code) return;
  const [category] = await findCategoriesByCodes(tx, [code]);
  if (!category) {
    throw new ValidationError(`${field}: '${code}' is not a category of the resource taxonomy; query resourceCategories for the codes.`, [field]);
  }
}
