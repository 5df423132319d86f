import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { ResourceFamilyName } from '../../domain/model';
import { ValidationError } from '../../errors';
import { ResourceFamilyEnum } from '../common/enums';
import { Context } from '../context';
import { CategorySuggestion, ResourceCategory } from './resource-category.type';
import { toCategory } from './to-category';

@Resolver(() => ResourceCategory)
export class ResourceCategoryResolver {
  @Query(() => [ResourceCategory], { description: 'The resource taxonomy, by code.' })
  async resourceCategories(
    @Ctx() ctx: Context,
    @Arg('family', () => ResourceFamilyEnum, { nullable: true }) family?: ResourceFamilyName,
  ): Promise<ResourceCategory[]> {
    return (await ctx.categories.list(family ?? null)).map(toCategory);
  }

  @Query(() => [CategorySuggestion], { description: 'Resource categories that a free-text description most likely belongs to, best first.' })
  async categorize(@Arg('text') text: string, @Ctx() ctx: Context): Promise<CategorySuggestion[]> {
    if (text.length > 2000) throw new ValidationError('text: at most 2000 characters.', ['text']);
    const suggestions = ctx.categories.suggest(text);
    const categories = await ctx.loaders.categoryByCode.loadMany(suggestions.map((s) => s.code));
    return suggestions.flatMap((s, i) => {
      const category = categories[i];
      return category && !(category instanceof Error) ? [{ category: toCategory(category), confidence: s.confidence }] : [];
    });
  }
}
