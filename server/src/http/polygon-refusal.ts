import type { PolygonProblem, PolygonProblemCode } from '../domain/areas/polygon-problem';

const ZH: Record<PolygonProblemCode, string> = {
  not_polygonal: '范围应是一个多边形（面），请在地图上重新画出范围',
  malformed: '范围的格式不对，请在地图上重新画出范围',
  not_lng_lat: '范围的坐标不是经纬度，请在地图上重新画出范围',
  too_many_vertices: '范围的顶点太多，请画得简单一些',
  unclosed_ring: '范围的边线没有首尾相接，请重新画出范围',
  too_few_points: '范围至少要有三个顶点，请重新画出范围',
  zero_area: '范围的面积为零，请画出一个有面积的范围',
  self_intersection: '范围的边线自相交叉，请重新画，边线不要交叉',
  hole_outside: '范围中挖空的部分超出了外边线，请重新画出范围',
  overlapping_polygons: '范围的几块相互重叠，请合并或分开画',
  outside_township: '范围超出了本镇边界，请在本镇范围内画',
};

/**
 * The Chinese of a shape's refusal (`messageZh`): what is wrong with the first problem and what to
 * do, and how many more there are.
 */
export function polygonProblemsZh(problems: readonly PolygonProblem[]): string {
  const [first, ...rest] = problems;
  const more = rest.length > 0 ? `（另有 ${rest.length} 处问题）` : '';
  return `范围：${first ? ZH[first.code] : '范围无效，请重新画出范围'}${more}`;
}
