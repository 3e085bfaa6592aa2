/** The fields a premise list can fill, with the Chinese headers offices use for each. */
export const PREMISE_FIELDS = [
  { key: 'seq', label: '序号', synonyms: ['序号', '序', 'no', 'no.', '编号序号'] },
  {
    key: 'archiveNo',
    label: '档案编号',
    synonyms: ['档案编号', '档案号', '建档编号', '户编号', '一户一档编号'],
  },
  {
    key: 'name',
    label: '名称',
    required: true,
    synonyms: [
      '名称',
      '店名',
      '经营户名称',
      '单位名称',
      '商户名称',
      '店铺名称',
      '字号',
      '字号名称',
      '经营户',
      '经营单位',
      '经营单位名称',
      '门店名称',
      '店招名称',
      '企业名称',
    ],
  },
  {
    key: 'operator',
    label: '经营者',
    synonyms: [
      '经营者',
      '负责人',
      '经营者姓名',
      '业主',
      '业主姓名',
      '法定代表人',
      '法人',
      '户主',
      '姓名',
      '联系人',
      '经营人',
    ],
  },
  {
    key: 'phone',
    label: '联系电话',
    synonyms: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '固话'],
  },
  {
    key: 'idNumber',
    label: '身份证号',
    synonyms: ['身份证号', '身份证', '身份证号码', '证件号码', '公民身份号码', '身份证件号'],
  },
  {
    key: 'address',
    label: '地址',
    required: true,
    synonyms: [
      '地址',
      '经营地址',
      '经营场所',
      '住所',
      '详细地址',
      '门牌地址',
      '店址',
      '经营场所地址',
      '所在地址',
    ],
  },
  {
    key: 'village',
    label: '所属村社区',
    synonyms: [
      '所属村社区',
      '所属村',
      '所属社区',
      '村社区',
      '村/社区',
      '所在村',
      '村名',
      '社区',
      '行政村',
      '所属村(社区)',
      '村(社区)',
      '村居',
      '所属村居',
    ],
  },
  {
    key: 'villageCode',
    label: '村社区代码',
    synonyms: ['村社区代码', '村代码', '社区代码', '行政区划代码', '区划代码', '村居代码'],
  },
  {
    key: 'category',
    label: '行业',
    required: true,
    synonyms: [
      '行业',
      '类别',
      '行业类别',
      '业态',
      '类型',
      '经营类别',
      '十小类别',
      '十小行业',
      '所属行业',
      '行业类型',
      '经营类型',
    ],
  },
  {
    key: 'businessNo',
    label: '营业执照号',
    synonyms: [
      '营业执照号',
      '营业执照',
      '营业执照编号',
      '营业执照注册号',
      '执照号',
      '注册号',
      '统一社会信用代码',
      '信用代码',
      '工商注册号',
    ],
  },
  {
    key: 'businessValid',
    label: '营业执照有效期',
    synonyms: ['营业执照有效期', '执照有效期', '营业期限', '营业执照有效期至'],
  },
  {
    key: 'permitNo',
    label: '许可证号',
    synonyms: [
      '许可证号',
      '许可证',
      '许可证编号',
      '经营许可证号',
      '行业许可证号',
      '食品经营许可证号',
      '食品流通许可证号',
      '餐饮服务许可证号',
      '药品经营许可证号',
      '农药经营许可证号',
      '出版物经营许可证号',
      '音像制品经营许可证号',
      '卫生许可证号',
      '公共场所卫生许可证号',
      '道路运输经营许可证号',
      '道路运输许可证号',
      '燃气经营许可证号',
      '登记证号',
      '小作坊登记证号',
    ],
  },
  {
    key: 'permitValid',
    label: '许可证有效期',
    synonyms: ['许可证有效期', '有效期', '有效期至', '有效期限', '证照有效期', '许可有效期'],
  },
  {
    key: 'surveyDate',
    label: '摸底日期',
    synonyms: ['摸底日期', '建档日期', '登记日期', '调查日期', '摸排日期', '摸底时间'],
  },
  {
    key: 'areaM2',
    label: '面积',
    synonyms: [
      '面积',
      '经营面积',
      '营业面积',
      '面积㎡',
      '面积(㎡)',
      '面积(平方米)',
      '面积(m2)',
      '建筑面积',
      '使用面积',
    ],
  },
  {
    key: 'staff',
    label: '从业人员',
    synonyms: ['从业人员', '从业人数', '员工人数', '人数', '从业人员数', '从业人员(人)'],
  },
  { key: 'keyObject', label: '重点对象', synonyms: ['重点对象', '是否重点', '重点', '是否重点对象'] },
  { key: 'notes', label: '备注', synonyms: ['备注', '说明', '其他情况', '情况说明'] },
  { key: 'lng', label: '经度', synonyms: ['经度', 'lng', 'lon', 'long', 'longitude', '东经', '经度(e)'] },
  { key: 'lat', label: '纬度', synonyms: ['纬度', 'lat', 'latitude', '北纬', '纬度(n)'] },
  { key: 'crs', label: '坐标系', synonyms: ['坐标系', '坐标系统', '坐标类型', '坐标来源'] },
  { key: 'geocodeMethod', label: '定位方式', synonyms: ['定位方式', '定位方法'] },
] as const satisfies readonly {
  key: string;
  label: string;
  synonyms: readonly string[];
  required?: boolean;
}[];

export type PremiseField = (typeof PREMISE_FIELDS)[number]['key'];

export const PREMISE_FIELD_KEYS = PREMISE_FIELDS.map((f) => f.key) as [PremiseField, ...PremiseField[]];

export const REQUIRED_FIELDS: readonly PremiseField[] = PREMISE_FIELDS.filter((f) => 'required' in f).map(
  (f) => f.key,
);

const labels = new Map<string, string>(PREMISE_FIELDS.map((f) => [f.key, f.label]));

/** The Chinese label of a field (the survey-list header). */
export function fieldLabel(field: PremiseField): string {
  return labels.get(field) ?? field;
}
