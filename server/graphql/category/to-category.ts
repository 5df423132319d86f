import { ResourceCategoryData } from '../../domain/model';
import { ResourceCategory } from './resource-category.type';

/** The GraphQL shape of a category: `name` is the French name, the language of the UI. */
export function toCategory(data: ResourceCategoryData): ResourceCategory {
  return { ...data, name: data.nameFr };
}
