/**
 * Vietnamese favourites and other passwords seen in breach corpora that zxcvbn's own list
 * (@zxcvbn-ts/language-common, ~30 000 entries, English-speaking sources) lacks, folded to
 * lower case without accents; also the published demo password, which every demo account
 * starts with (README) and so must never be chosen as a real one. Shipped with the code so the
 * check works offline; a password in this set is refused, and password-policy.ts gives the
 * set to zxcvbn as a dictionary, so `Anhyeuem1234!` is caught as a variant.
 */
const LIST = `
123456789012 1234567890123 12345678901234 123456789123 111111111111 000000000000
123123123123 121212121212 112233445566 123321123321 147258369147 987654321098
qwertyuiop12 qwertyuiop123 qwertyuiopas 1qaz2wsx3edc 1q2w3e4r5t6y zaq12wsxcde3
qazwsxedcrfv password1234 password12345 password123456 passw0rd1234 p@ssw0rd1234
p@ssword1234 iloveyou1234 abc123456789 abcd12345678 abcdefghijkl abcdef123456
administrator admin1234567 admin@123456 administrator1 welcome12345 letmein12345
changeme1234 sunshine1234 football1234 baseball1234 princess1234 starwars1234
matkhau12345 matkhau123456 matkhaumoi123 matkhau@1234 anhyeuem1234 anhyeuem123456
emyeuanh1234 yeuem1234567 vietnam12345 vietnam123456 vietnam@1234 hanoi1234567
saigon123456 hochiminh123 hochiminh1234 ubndxa123456 ubnd12345678 chuyendoiso1
chuyendoiso123 chinhquyenso1 xaso12345678 xasodemo1234 12345678abcd 123456abcdef
aa123456789a a123456789012 1234567890qwe qwerty123456 qwerty1234567 asdfghjkl123
zxcvbnm12345 trustno11234 dragon123456 monkey123456 master123456 superman1234
xaso@demo2026 xasodemo2026 matkhau anhyeuem emyeuanh yeuem anhyeu iloveyou
vietnam hanoi saigon hochiminh haiphong danang matkhaumoi chuyendoiso chinhquyen
ubndxa ubnd quantri quantrivien admin123 abc@123 abc123 abcd@1234 aa@123456
123456a@ 123456aa a123456 qwe123 1234qwer qwer1234 asd123 zxc123
`;

export const BREACHED_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
