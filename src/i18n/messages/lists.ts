/** Words of the judges and of importing any list: links, the Baekjoon notice, list formats, type mapping. */
const en = {
  'judges.archived': 'archived copy',
  'lists.filter_list': 'List',
  'lists.col_format': 'Format',
  'lists.format_label': 'Format',
  'lists.format_detect': 'detect',
  'lists.upload_placeholder':
    '## DFS/BFS\n- [Target Number](https://school.programmers.co.kr/learn/courses/30/lessons/43165)',
  'lists.name_label': 'Name',
  'lists.upload_heading': 'Upload a list (markdown, CSV or JSON)',
  'lists.upload_file': 'File',
  'lists.upload': 'Import this list',
  'lists.uploaded': 'Imported "{name}": {summary}; {skipped} {skipped:link|links} skipped.',
  'lists.uploaded_more': '… and {n} more skipped (see the import history).',
  'lists.types_heading': 'Types of their own',
  'lists.types_intro':
    'These headings match no type cote knows, so each counts as its own type. Map one to a known type and it counts as that type, in every list and after every re-import.',
  'lists.col_maps_to': 'Counts as',
  'lists.own_type': 'its own type',
  'lists.map': 'Map',
  'lists.type_mapped': 'Type mapping saved.',
  'lists.plan_heading': 'Lists in my plan',
  'lists.plan_saved': 'Your plan now uses the lists you picked.',
  'catalog.expected.list': 'a problem list (markdown, CSV or JSON)',
  'error.catalog.no_problems':
    '{file} has no problem link of a judge cote knows (Baekjoon, Programmers, LeetCode, Codeforces, AtCoder). Nothing was imported.',
  'error.catalog.bad_list': '{file} is not a {format} list; expected {expected}.',
  'error.catalog.bad_format': 'Unknown format "{format}": use markdown, csv, json or tony9402.',
  'error.catalog.json_too_deep': '{file} nests arrays or objects more than {max} levels deep; a list needs at most 3.',
  'error.catalog.upload_too_large': 'The list is larger than {max} characters.',
  'error.catalog.upload_no_name': 'Give the list a name.',
  'error.catalog.upload_empty': 'Paste the list or choose its file.',
  'error.catalog.bad_type_name': 'Name the type to map.',
  'error.catalog.unknown_canonical_type': '"{key}" is not a type cote knows.',
  'error.catalog.no_plan_list': 'Pick at least one list for your plan.',
  'lists.filter_any': 'All lists',
  'error.catalog.unknown_list': 'There is no list "{key}".',
  'judges.boj_closed':
    'Baekjoon (acmicpc.net) closed on 2026-04-28: its problem links may lead nowhere. Each Baekjoon problem also links an archived copy.',
};

const ko: typeof en = {
  'judges.archived': '보관본',
  'lists.filter_list': '목록',
  'lists.col_format': '형식',
  'lists.format_label': '형식',
  'lists.format_detect': '자동 감지',
  'lists.upload_placeholder':
    '## DFS/BFS\n- [타겟 넘버](https://school.programmers.co.kr/learn/courses/30/lessons/43165)',
  'lists.name_label': '이름',
  'lists.upload_heading': '목록 올리기 (마크다운, CSV, JSON)',
  'lists.upload_file': '파일',
  'lists.upload': '이 목록 가져오기',
  'lists.uploaded': '"{name}" 목록을 가져왔습니다: {summary}; 건너뛴 링크 {skipped}개.',
  'lists.uploaded_more': '… 그 밖에 {n}개를 건너뛰었습니다 (가져오기 기록 참고).',
  'lists.types_heading': '어휘에 없는 유형',
  'lists.types_intro':
    '아래 제목은 cote가 아는 유형과 맞지 않아 각각 독자적인 유형으로 셉니다. 아는 유형에 연결하면 모든 목록에서, 다시 가져와도 그 유형으로 셉니다.',
  'lists.col_maps_to': '세는 유형',
  'lists.own_type': '독자 유형',
  'lists.map': '연결',
  'lists.type_mapped': '유형 연결을 저장했습니다.',
  'lists.plan_heading': '내 계획에 쓰는 목록',
  'lists.plan_saved': '이제 고른 목록으로 계획을 세웁니다.',
  'catalog.expected.list': '문제 목록 (마크다운, CSV, JSON)',
  'error.catalog.no_problems':
    '{file}에 cote가 아는 채점 사이트(백준, 프로그래머스, LeetCode, Codeforces, AtCoder)의 문제 링크가 없습니다. 아무것도 가져오지 않았습니다.',
  'error.catalog.bad_list': '{file}은(는) {format} 목록이 아닙니다. 필요한 형식: {expected}.',
  'error.catalog.bad_format': '알 수 없는 형식 "{format}": markdown, csv, json, tony9402 중 하나를 쓰세요.',
  'error.catalog.json_too_deep':
    '{file}은(는) 배열이나 객체가 {max}단계보다 깊게 겹쳐 있습니다. 목록은 3단계면 충분합니다.',
  'error.catalog.upload_too_large': '목록이 {max}자보다 깁니다.',
  'error.catalog.upload_no_name': '목록 이름을 적어 주세요.',
  'error.catalog.upload_empty': '목록을 붙여 넣거나 파일을 고르세요.',
  'error.catalog.bad_type_name': '연결할 유형을 지정하세요.',
  'error.catalog.unknown_canonical_type': '"{key}"은(는) cote가 아는 유형이 아닙니다.',
  'error.catalog.no_plan_list': '계획에 쓸 목록을 하나 이상 고르세요.',
  'lists.filter_any': '모든 목록',
  'error.catalog.unknown_list': '"{key}" 목록이 없습니다.',
  'judges.boj_closed':
    '백준(acmicpc.net)은 2026-04-28에 서비스를 종료했습니다. 문제 링크가 열리지 않을 수 있어, 백준 문제마다 웹 아카이브 보관본 링크를 함께 둡니다.',
};

export const lists = { en, ko };
