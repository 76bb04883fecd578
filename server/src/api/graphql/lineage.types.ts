import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphNode, LineageNode, NodeKindEnum } from './types.js';
import type { NodeKind } from '../../domain/model.js';

export enum CutReason { NODE_LIMIT = 'NODE_LIMIT', DEADLINE = 'DEADLINE' }
registerEnumType(CutReason, { name: 'CutReason', description: 'Why a lineage answer is partial' });

@ObjectType({ description: 'Where a partial answer stops being complete' })
export class LineageCut {
  @Field(() => CutReason) reason!: CutReason;
  @Field(() => Int, { description: 'Every node up to this distance is in the answer' }) depth!: number;
}

@ObjectType()
export class KindCount {
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class DistanceCount {
  @Field(() => Int) distance!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'How much lineage there is, before fetching it' })
export class LineageCount {
  @Field(() => Int) total!: number;
  @Field(() => [KindCount]) byKind!: KindCount[];
  @Field(() => [DistanceCount]) byDistance!: DistanceCount[];
  @Field(() => Boolean, { description: 'True when counting stopped at the cap (100,000 per direction)' }) capped!: boolean;
}

@ObjectType()
export class ImpactGroup {
  @Field(() => NodeKindEnum) kind!: NodeKind;
  @Field(() => Int) distance!: number;
  @Field(() => Int) count!: number;
  @Field(() => [LineageNode], { description: 'The first 20 nodes of the group' }) nodes!: LineageNode[];
}

@ObjectType({ description: 'Everything downstream of a node, grouped by kind and distance' })
export class Impact {
  @Field(() => GraphNode) root!: GraphNode;
  @Field(() => Int) total!: number;
  @Field(() => [ImpactGroup]) groups!: ImpactGroup[];
  @Field(() => Boolean) isPartial!: boolean;
  @Field(() => LineageCut, { nullable: true }) cut!: LineageCut | null;
}
