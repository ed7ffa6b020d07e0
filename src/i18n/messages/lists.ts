/** Words of the judges and of importing any list: links, the Baekjoon notice, list formats, type mapping. */
const en = {
  'judges.archived': 'archived copy',
  'lists.filter_list': 'List',
  'lists.filter_any': 'All lists',
  'error.catalog.unknown_list': 'There is no list "{key}".',
  'judges.boj_closed': 'Baekjoon (acmicpc.net) closed on 2026-04-28: its problem links may lead nowhere. Each Baekjoon problem also links an archived copy.',
};

const ko: typeof en = {
  'judges.archived': '보관본',
  'lists.filter_list': '목록',
  'lists.filter_any': '모든 목록',
  'error.catalog.unknown_list': '"{key}" 목록이 없습니다.',
  'judges.boj_closed': '백준(acmicpc.net)은 2026-04-28에 서비스를 종료했습니다. 문제 링크가 열리지 않을 수 있어, 백준 문제마다 웹 아카이브 보관본 링크를 함께 둡니다.',
};

export const lists = { en, ko };
