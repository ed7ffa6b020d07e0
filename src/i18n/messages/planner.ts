/** Words of the planner: reasons, notices, advice, and the Today / Plan / weights pages. */
const en = {
  'planner.profile.general': 'a general coding test',
  'planner.profile.samsung': 'Samsung',
  'planner.profile.kakao': 'Kakao',
  'planner.profile.custom': 'your custom weights',
  'planner.profile_label.general': 'General',
  'planner.profile_label.samsung': 'Samsung',
  'planner.profile_label.kakao': 'Kakao',
  'planner.profile_label.custom': 'Custom',
  'planner.reason.weakest':
    '{category} is your weakest heavy type for {profile}: readiness {readiness}; {tier}, predicted success {success} %',
  'planner.reason.cover':
    '{category} has had little practice yet (weight {weight} for {profile}); {tier}, predicted success {success} %',
  'planner.reason.deepen':
    '{category} weighs {weight} for {profile}, readiness {readiness}; {tier}, predicted success {success} %',
  'planner.reason.maintain':
    '{category} is nearly ready (readiness {readiness}): keeping it fresh; {tier}, predicted success {success} %',
  'planner.reason.warmup': 'Warm-up before the exam: {category}, {tier}, predicted success {success} %',
  'planner.reason.review':
    'Re-solve: {outcome} on {day}; a spaced re-solve keeps {category} from fading before the exam',
  'planner.reason.review_undated':
    'Re-solve: {outcome} before; a spaced re-solve keeps {category} from fading before the exam',
  'planner.reason.mock':
    'Mock exam like {profile}: {count} problems in {minutes} min, timed; this one is {category}, {tier}',
  'planner.reason.mock_resolve':
    'Mock exam like {profile} from problems you solved: {count} problems in {minutes} min, timed; this one is {category}, {tier}',
  'planner.reason.stretch':
    'A stretch in {category} (weight {weight} for {profile}): {tier}, predicted success {success} %',
  'planner.reason.split':
    'Today’s budget is shorter than a problem at your level: start {category}, {tier} (about {minutes} min), and finish it over {parts} study days',
  'planner.reason.split_continue': 'Finish the problem you started: {category}, {tier} (split over {parts} study days)',
  'planner.reason.split_last':
    'Today’s budget is shorter than any problem and the exam comes before another study day: start {category}, {tier} (about {minutes} min) and get as far as you can',
  'planner.reason.resolve_solved':
    'Nothing new within reach: re-solve a solved {category} problem ({tier}) to keep it sharp',
  'planner.reason.warmup_resolve':
    'Warm-up before the exam: a {category} problem you have met before ({tier}), predicted success {success} %',
  'planner.reason.resolve_leftover': 'Time left today: re-solve a solved {category} problem ({tier}) the exam weighs',
  'planner.reason.resolve_planned': 'Re-solve a {category} problem ({tier}) planned earlier in this plan',
  'planner.notice.mock_too_long':
    'A mock takes the exam’s {minutes} minutes; your daily time ({budget} min) is shorter, so mock days hold no mock. Give those days more time to get one.',
  'planner.notice.mock_missing':
    'A mock needs {need} problems of the exam’s levels and types, but your lists hold only {have} you have not met. Import another list to get mocks.',
  'planner.notice.mock_off_judge':
    'Mocks follow the exam’s format, but your lists hold no {judge} problems (the judge the exam runs on), so they use other judges’ problems. Import a {judge} list to rehearse on it.',
  'planner.notice.budget_too_small':
    'Your budget of {budget} minutes is shorter than any problem left within your reach, so today has nothing planned. Raise the daily minutes in the settings.',
  'planner.notice.list_exhausted':
    'You have solved {solved} of {total} problems and the rest are out of reach: the plan re-solves solved problems and holds mocks drawn from them. Import another list (Lists page or `cote import`) for new problems.',
  'planner.verdict.uncertain':
    'Not enough evidence yet: log a few attempts so the plan can tell whether you are on track.',
  'planner.outcome.solved': 'solved',
  'planner.outcome.solved_slow': 'solved slowly',
  'planner.outcome.hint': 'solved with a hint',
  'planner.outcome.failed': 'not solved',
  'planner.notice.no_exam':
    'No exam date is set, so this plan looks {days} days ahead. Set your exam date in the settings for a plan that ends on it.',
  'planner.notice.exam_today': 'The exam is today. Nothing new to plan: rest, read your notes, and good luck!',
  'planner.notice.exam_past':
    'The exam date ({exam}) has passed. Set your next exam date in the settings to get a new plan.',
  'planner.notice.exam_far':
    'The exam date ({exam}) is more than {days} days away, so this plan covers only the next {days} days. Set a nearer exam date in the settings.',
  'planner.notice.no_budget': 'Your daily study time is 0 minutes. Set a daily budget in the settings to get a plan.',
  'planner.notice.no_study_days':
    'No study weekdays are selected. Choose the days you study in the settings to get a plan.',
  'planner.notice.all_solved': 'You have solved every problem on the list. Only re-solves remain in the plan.',
  'planner.notice.empty_catalog':
    'The problem list is empty. Import a list first (the Lists page, or “cote import” in a terminal).',
  'planner.advice.more_minutes': 'Study about {minutes} minutes a day instead of {current} to be on track.',
  'planner.advice.not_enough':
    'Even {minutes} minutes a day may not be enough: consider a later exam date or focusing on fewer types.',
  'planner.advice.drop_light':
    'Dropping light types ({categories}: weight 0 on the weights page) frees about {minutes} minutes for the heavy ones.',
  'planner.phase.A': 'cover',
  'planner.phase.B': 'deepen',
  'planner.phase.C': 'rehearse',
  'planner.kind.new': 'new',
  'planner.kind.review': 're-solve',
  'planner.kind.mock': 'mock',
  'planner.today.title': 'Today',
  'planner.today.heading': 'Today, {weekday} {day}',
  'planner.today.exam_on': 'exam on {day}',
  'planner.today.rest': 'A rest day: no problems planned. Enjoy it.',
  'planner.today.empty':
    'Nothing planned fits in {minutes} minutes today. Raise your daily time in the settings, or check the plan page.',
  'planner.today.summary': 'About {left} min of problems left · today’s budget {budget} min',
  'planner.today.timer': 'start timer',
  /** {minutes} is filled in by public/js/planner.js. */
  'planner.today.timer_running': 'stop timer ({minutes} min)',
  'planner.today.minutes': '~{minutes} min',
  'planner.today.mock_set': 'timed set of {minutes} min',
  'planner.today.unskip': 'Undo skip',
  'planner.today.unskipped': '{problem} is back on today’s list.',
  'planner.today.done': 'logged: {outcome}',
  'planner.today.was_skipped': 'skipped today',
  'planner.today.already_solved': 'already solved · {origin}',
  'planner.today.outcome': 'Outcome',
  'planner.today.minutes_spent': 'Minutes',
  'planner.today.log': 'Log',
  'planner.today.skip': 'Skip',
  'planner.today.swap': 'Swap',
  'planner.today.less_label': 'Less time today: minutes',
  'planner.today.less': 'Shrink the list',
  'planner.today.whole_plan': 'See the whole plan to the exam',
  'planner.today.logged': 'Logged {problem}: {outcome}.',
  'planner.today.skipped': 'Skipped {problem} for today.',
  'planner.today.swapped': 'Swapped {out} for {in}.',
  'planner.today.no_swap': 'No other problem fits today, {problem} stays.',
  'planner.today.less_done': 'Today’s list now fits in {minutes} minutes.',
  'planner.plan.title': 'Plan',
  'planner.plan.profile': 'Exam profile: {profile}',
  'planner.plan.profile_group': 'Exam profile: {profile} (group)',
  'planner.plan.no_evidence': 'no evidence yet',
  'planner.plan.readiness': 'Readiness per type',
  'planner.plan.col_type': 'Type',
  'planner.plan.col_weight': 'Weight',
  'planner.plan.col_now': 'Now',
  'planner.plan.col_exam': 'Forecast at the exam',
  'planner.plan.burnup': 'Solved so far and planned to the exam',
  'planner.plan.col_day': 'Day',
  'planner.plan.col_solved': 'Solved (total)',
  'planner.plan.col_planned': 'Planned (total)',
  'planner.plan.days': 'Day by day',
  'planner.plan.rest_day': 'Rest day',
  'planner.plan.nothing': 'Nothing planned',
  'planner.verdict.on_track': 'On track: following this plan should get you through the exam.',
  'planner.verdict.behind': 'Behind: at this pace the heavy types will not be ready by the exam.',
  'planner.pass.line':
    'Projected chance to pass: {p} % (80 % range {low}–{high} %). Passing means solving at least {need} of {of} problems.',
  'planner.pass.uncertain':
    'No projected chance yet: too little evidence. Passing means solving at least {need} of {of} problems.',
  'planner.weights.title': 'Type weights',
  'planner.weights.help':
    'How much each type matters for your exam, in percent (they are scaled to add up to 100). Saving makes your profile “custom”.',
  'planner.weights.from_profile': 'Showing the weights of your profile ({profile}).',
  'planner.weights.col_percent': 'Weight (%)',
  'planner.weights.saved': 'Weights saved; your profile is now custom.',
  'error.planner.not_on_list': 'Problem {problem} is not on today’s list.',
  'error.planner.not_skipped': 'Problem {problem} is not a skipped item of today’s list.',
  'error.planner.no_list_today': 'There is no list for today.',
  'error.planner.bad_minutes': 'Minutes must be a whole number from 0 to {max}, not “{value}”.',
  'error.planner.bad_weight': 'The weight of {category} must be a number from 0 to 100, not “{value}”.',
  'error.planner.no_weight': 'Give at least one type a weight above 0.',
  'error.planner.too_many_weights': '{count} weights were sent: at most {max}.',
  'error.planner.bad_day': '“{value}” is not a date (YYYY-MM-DD).',
};
const ko: Record<keyof typeof en, string> = {
  'planner.profile.general': '일반 코딩테스트',
  'planner.profile.samsung': '삼성',
  'planner.profile.kakao': '카카오',
  'planner.profile.custom': '직접 정한 가중치',
  'planner.profile_label.general': '일반',
  'planner.profile_label.samsung': '삼성',
  'planner.profile_label.kakao': '카카오',
  'planner.profile_label.custom': '직접 설정',
  'planner.reason.weakest':
    '{category}: {profile} 기준 비중이 큰 유형 중 가장 약함 (준비도 {readiness}); {tier}, 예상 성공률 {success} %',
  'planner.reason.cover':
    '{category}: 아직 연습이 적음 ({profile} 기준 비중 {weight}); {tier}, 예상 성공률 {success} %',
  'planner.reason.deepen':
    '{category}: {profile} 기준 비중 {weight}, 준비도 {readiness}; {tier}, 예상 성공률 {success} %',
  'planner.reason.maintain':
    '{category}: 거의 준비됨 (준비도 {readiness}), 감각 유지용; {tier}, 예상 성공률 {success} %',
  'planner.reason.warmup': '시험 전 워밍업: {category}, {tier}, 예상 성공률 {success} %',
  'planner.reason.review':
    '다시 풀기: {day}에 {outcome}; 시험 전에 {category} 감각을 잃지 않도록 간격을 두고 다시 풉니다',
  'planner.reason.review_undated':
    '다시 풀기: 전에 {outcome}; 시험 전에 {category} 감각을 잃지 않도록 간격을 두고 다시 풉니다',
  'planner.reason.mock':
    '{profile} 형식 모의고사: {count}문제 {minutes}분, 시간을 재고 풀기; 이 문제는 {category}, {tier}',
  'planner.reason.mock_resolve':
    '푼 문제로 보는 {profile} 형식 모의고사: {count}문제 {minutes}분, 시간을 재고 풀기; 이 문제는 {category}, {tier}',
  'planner.reason.stretch': '{category} 도전 문제 ({profile} 기준 비중 {weight}): {tier}, 예상 성공률 {success} %',
  'planner.reason.split':
    '하루 공부 시간이 지금 수준에 맞는 문제보다 짧습니다: {category} {tier} 문제(약 {minutes}분)를 시작해 공부하는 날 {parts}일에 걸쳐 끝내세요',
  'planner.reason.split_continue': '시작한 문제를 마저 푸세요: {category}, {tier} (공부하는 날 {parts}일에 나눠 풀기)',
  'planner.reason.split_last':
    '하루 공부 시간이 어떤 문제보다 짧고 다음 공부하는 날 전에 시험입니다: {category} {tier} 문제(약 {minutes}분)를 시작해 할 수 있는 데까지 푸세요',
  'planner.reason.resolve_solved':
    '손이 닿는 새 문제가 없습니다: 푼 {category} 문제({tier})를 다시 풀어 감각을 유지합니다',
  'planner.reason.warmup_resolve':
    '시험 전 워밍업: 앞서 만난 {category} 문제({tier})를 다시 풀기, 예상 성공률 {success} %',
  'planner.reason.resolve_leftover': '오늘 남은 시간: 푼 {category} 문제({tier})를 다시 풀어 시험 유형을 다집니다',
  'planner.reason.resolve_planned': '이 계획의 앞선 날에 둔 {category} 문제({tier})를 다시 풉니다',
  'planner.notice.mock_too_long':
    '모의고사는 시험과 같은 {minutes}분 동안 풉니다. 하루 공부 시간({budget}분)으로는 부족해서 모의고사 날에 모의고사를 넣지 않았습니다. 그날만이라도 시간을 늘리면 모의고사를 넣습니다.',
  'planner.notice.mock_missing':
    '모의고사에는 시험 수준과 유형의 문제 {need}개가 필요한데 문제집에 아직 풀지 않은 문제가 {have}개뿐입니다. 다른 문제집을 가져오면 모의고사를 넣습니다.',
  'planner.notice.mock_off_judge':
    '모의고사는 시험 형식을 따르지만 문제집에 {judge} 문제(시험이 열리는 사이트)가 없어 다른 사이트의 문제로 봅니다. {judge} 문제집을 가져오면 그 사이트에서 연습할 수 있습니다.',
  'planner.notice.budget_too_small':
    '하루 공부 시간 {budget}분은 지금 풀 수 있는 어떤 문제보다 짧아서 오늘은 계획이 없습니다. 설정에서 하루 공부 시간을 늘리세요.',
  'planner.notice.list_exhausted':
    '{total}문제 중 {solved}문제를 풀었고 나머지는 아직 손이 닿지 않습니다. 계획은 푼 문제를 다시 풀고, 푼 문제로 모의고사를 봅니다. 새 문제를 풀려면 다른 문제집을 가져오세요(문제집 페이지 또는 `cote import`).',
  'planner.verdict.uncertain': '아직 판단할 근거가 부족합니다: 몇 문제를 기록하면 계획이 순조로운지 알려 줍니다.',
  'planner.outcome.solved': '풀었음',
  'planner.outcome.solved_slow': '오래 걸려 풀었음',
  'planner.outcome.hint': '힌트를 보고 풀었음',
  'planner.outcome.failed': '못 풀었음',
  'planner.notice.no_exam':
    '시험 날짜가 없어 {days}일 앞까지만 계획합니다. 설정에서 시험 날짜를 정하면 그날까지 계획합니다.',
  'planner.notice.exam_today':
    '오늘이 시험입니다. 새로 계획할 것은 없습니다. 푹 쉬고, 정리한 것을 훑어보세요. 행운을 빕니다!',
  'planner.notice.exam_past': '시험 날짜({exam})가 지났습니다. 설정에서 다음 시험 날짜를 정하면 새 계획을 만듭니다.',
  'planner.notice.exam_far':
    '시험 날짜({exam})가 {days}일보다 멀어서 앞으로 {days}일만 계획합니다. 설정에서 더 가까운 시험 날짜를 정하세요.',
  'planner.notice.no_budget': '하루 공부 시간이 0분입니다. 설정에서 하루 공부 시간을 정하면 계획을 만듭니다.',
  'planner.notice.no_study_days': '공부하는 요일이 없습니다. 설정에서 공부하는 요일을 고르면 계획을 만듭니다.',
  'planner.notice.all_solved': '문제집의 모든 문제를 풀었습니다. 계획에는 다시 풀기만 남았습니다.',
  'planner.notice.empty_catalog':
    '문제집이 비어 있습니다. 먼저 문제집을 가져오세요 (문제집 페이지, 또는 터미널에서 “cote import”).',
  'planner.advice.more_minutes': '하루 {current}분 대신 약 {minutes}분 공부하면 계획대로 갈 수 있습니다.',
  'planner.advice.not_enough': '하루 {minutes}분으로도 부족할 수 있습니다. 시험 날짜를 늦추거나 유형을 줄여 보세요.',
  'planner.advice.drop_light':
    '비중이 작은 유형({categories})을 가중치 페이지에서 0으로 두면 약 {minutes}분을 중요한 유형에 쓸 수 있습니다.',
  'planner.phase.A': '기초 다지기',
  'planner.phase.B': '심화',
  'planner.phase.C': '실전 대비',
  'planner.kind.new': '새 문제',
  'planner.kind.review': '다시 풀기',
  'planner.kind.mock': '모의고사',
  'planner.today.title': '오늘',
  'planner.today.heading': '오늘, {day} ({weekday})',
  'planner.today.exam_on': '시험일 {day}',
  'planner.today.rest': '쉬는 날입니다. 계획된 문제가 없습니다.',
  'planner.today.empty':
    '오늘 {minutes}분 안에 맞는 문제가 없습니다. 설정에서 하루 공부 시간을 늘리거나 계획 페이지를 확인하세요.',
  'planner.today.summary': '남은 문제 약 {left}분 · 오늘 예산 {budget}분',
  'planner.today.timer': '타이머 시작',
  'planner.today.timer_running': '타이머 멈추기 ({minutes}분)',
  'planner.today.minutes': '약 {minutes}분',
  'planner.today.mock_set': '{minutes}분 모의 세트',
  'planner.today.unskip': '건너뛰기 취소',
  'planner.today.unskipped': '{problem}을(를) 다시 오늘 목록에 넣었습니다.',
  'planner.today.done': '기록함: {outcome}',
  'planner.today.was_skipped': '오늘은 건너뜀',
  'planner.today.already_solved': '이미 풀었음 · {origin}',
  'planner.today.outcome': '결과',
  'planner.today.minutes_spent': '걸린 시간(분)',
  'planner.today.log': '기록',
  'planner.today.skip': '건너뛰기',
  'planner.today.swap': '바꾸기',
  'planner.today.less_label': '오늘은 시간이 적어요: 분',
  'planner.today.less': '목록 줄이기',
  'planner.today.whole_plan': '시험까지 전체 계획 보기',
  'planner.today.logged': '{problem} 기록: {outcome}.',
  'planner.today.skipped': '{problem}은(는) 오늘 건너뜁니다.',
  'planner.today.swapped': '{out} 대신 {in}을(를) 풉니다.',
  'planner.today.no_swap': '오늘 맞는 다른 문제가 없어 {problem}을(를) 그대로 둡니다.',
  'planner.today.less_done': '오늘 목록을 {minutes}분에 맞췄습니다.',
  'planner.plan.title': '계획',
  'planner.plan.profile': '시험 유형: {profile}',
  'planner.plan.profile_group': '시험 유형: {profile} (그룹)',
  'planner.plan.no_evidence': '아직 근거 없음',
  'planner.plan.readiness': '유형별 준비도',
  'planner.plan.col_type': '유형',
  'planner.plan.col_weight': '비중',
  'planner.plan.col_now': '지금',
  'planner.plan.col_exam': '시험일 예상',
  'planner.plan.burnup': '지금까지 푼 문제와 시험일까지의 계획',
  'planner.plan.col_day': '날짜',
  'planner.plan.col_solved': '푼 문제(누적)',
  'planner.plan.col_planned': '계획(누적)',
  'planner.plan.days': '날짜별 계획',
  'planner.plan.rest_day': '쉬는 날',
  'planner.plan.nothing': '계획 없음',
  'planner.verdict.on_track': '순조로움: 이 계획대로 하면 시험을 통과할 수 있을 것으로 보입니다.',
  'planner.verdict.behind': '부족함: 지금 속도로는 비중이 큰 유형이 시험일까지 준비되지 않습니다.',
  'planner.pass.line':
    '예상 합격 확률: {p} % (80 % 범위 {low}–{high} %). 합격은 {of}문제 중 {need}문제 이상을 푸는 것입니다.',
  'planner.pass.uncertain':
    '아직 예상 합격 확률이 없습니다: 근거가 부족합니다. 합격은 {of}문제 중 {need}문제 이상을 푸는 것입니다.',
  'planner.weights.title': '유형 가중치',
  'planner.weights.help':
    '시험에서 각 유형이 얼마나 중요한지 퍼센트로 적으세요 (합이 100이 되도록 맞춰집니다). 저장하면 시험 유형이 “직접 설정”이 됩니다.',
  'planner.weights.from_profile': '지금 시험 유형({profile})의 가중치를 보여 줍니다.',
  'planner.weights.col_percent': '가중치 (%)',
  'planner.weights.saved': '가중치를 저장했습니다. 시험 유형이 직접 설정으로 바뀌었습니다.',
  'error.planner.not_on_list': '{problem} 문제는 오늘 목록에 없습니다.',
  'error.planner.not_skipped': '{problem} 문제는 오늘 목록에서 건너뛴 문제가 아닙니다.',
  'error.planner.no_list_today': '오늘 목록이 없습니다.',
  'error.planner.bad_minutes': '분은 0부터 {max}까지의 정수여야 합니다 (입력: “{value}”).',
  'error.planner.bad_weight': '{category}의 가중치는 0부터 100까지의 수여야 합니다 (입력: “{value}”).',
  'error.planner.no_weight': '적어도 한 유형의 가중치는 0보다 커야 합니다.',
  'error.planner.too_many_weights': '가중치가 {count}개 왔습니다. 최대 {max}개입니다.',
  'error.planner.bad_day': '“{value}”은(는) 날짜(YYYY-MM-DD)가 아닙니다.',
};
export const planner = { en, ko };
