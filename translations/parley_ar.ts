<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Main</name>
    <message>
        <source>Parley desktop</source>
        <translation>Parley لسطح المكتب</translation>
    </message>
    <message>
        <source>Parley: end-to-end encrypted messenger.</source>
        <translation>Parley: تطبيق مراسلة مشفّر تمامًا بين الطرفين.</translation>
    </message>
    <message>
        <source>Base URL of the Parley server.</source>
        <translation>العنوان الأساسي (URL) لخادم Parley.</translation>
    </message>
    <message>
        <source>url</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Folder that keeps this device&apos;s key.</source>
        <translation>المجلد الذي يُحفظ فيه مفتاح هذا الجهاز.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>--server needs an http:// or https:// URL, not &apos;%1&apos;</source>
        <translation>يتطلب الخيار ⁦--server⁩ عنوان URL يبدأ بـ ⁦http://⁩ أو ⁦https://⁩، وليس «%1»</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>Parley cannot open this device&apos;s key, so it cannot sign in.</source>
        <translation>يتعذّر على Parley فتح مفتاح هذا الجهاز، لذا لا يمكنه تسجيل الدخول.</translation>
    </message>
    <message>
        <source>Keep this device&apos;s key and sign-in in files only you can read, not in the system keychain (also PARLEY_KEYCHAIN=0).</source>
        <translation>حفظ مفتاح هذا الجهاز وبيانات تسجيل الدخول في ملفات لا يمكن لأحد غيرك قراءتها، وليس في سلسلة مفاتيح النظام (أو عبر ⁦PARLEY_KEYCHAIN=0⁩).</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>Yesterday</source>
        <translation>أمس</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>اليوم</translation>
    </message>
    <message>
        <source>last seen today at %1</source>
        <translation>آخر ظهور اليوم عند %1</translation>
    </message>
    <message>
        <source>last seen yesterday at %1</source>
        <translation>آخر ظهور أمس عند %1</translation>
    </message>
    <message>
        <source>last seen %1 at %2</source>
        <translation>آخر ظهور %1 عند %2</translation>
    </message>
</context>
<context>
    <name>VCardReader</name>
    <message>
        <source>the address book is larger than 16 MiB</source>
        <translation>حجم دفتر العناوين أكبر من 16 ميغابايت</translation>
    </message>
    <message>
        <source>a line of the address book is longer than 64 KiB</source>
        <translation>أحد أسطر دفتر العناوين أطول من 64 كيلوبايت</translation>
    </message>
    <message>
        <source>the address book has more than 20000 contacts</source>
        <translation>يحتوي دفتر العناوين على أكثر من 20000 جهة اتصال</translation>
    </message>
    <message>
        <source>this is not a vCard file (no BEGIN:VCARD)</source>
        <translation>هذا ليس ملف vCard (لا يحتوي على ⁦BEGIN:VCARD⁩)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>تتعذّر قراءة ⁦%1⁩: %2</translation>
    </message>
</context>
<context>
    <name>parley::Account</name>
    <message>
        <source>You logged out of this device.</source>
        <translation>لقد سجّلت الخروج من هذا الجهاز.</translation>
    </message>
</context>
<context>
    <name>parley::LoginService</name>
    <message>
        <source>Enter the number with its country code, like +1 202 555 0123.</source>
        <translation>أدخل الرقم مع رمز البلد، مثل ⁦+966 50 123 4567⁩.</translation>
    </message>
</context>
<context>
    <name>parley::SecretVault</name>
    <message>
        <source>The system keychain could not %1: %2</source>
        <translation>تعذّر على سلسلة مفاتيح النظام %1: %2</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>قراءة ⁦%1⁩</translation>
    </message>
    <message>
        <source>save %1</source>
        <translation>حفظ ⁦%1⁩</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>حذف ⁦%1⁩</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>لم تستجب خلال %1 ث</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>لم تستجب</translation>
    </message>
    <message>
        <source>This profile&apos;s device key and sign-in are in the system keychain, which cannot be used now (%1). Start or unlock your desktop&apos;s keychain (GNOME Keyring, KWallet) and open Parley again.</source>
        <translation>مفتاح الجهاز وبيانات تسجيل الدخول لهذا الملف الشخصي محفوظة في سلسلة مفاتيح النظام، ولا يمكن استخدامها الآن (%1). شغّل سلسلة المفاتيح في سطح المكتب لديك أو ألغِ قفلها (GNOME Keyring أو KWallet)، ثم افتح Parley مجددًا.</translation>
    </message>
    <message>
        <source>the keychain is turned off</source>
        <translation>سلسلة المفاتيح معطّلة</translation>
    </message>
    <message>
        <source>keep a value</source>
        <translation>الاحتفاظ بقيمة</translation>
    </message>
    <message>
        <source>it read back something else</source>
        <translation>قُرئت منها قيمة مختلفة</translation>
    </message>
    <message>
        <source>no system keychain answered when Parley started</source>
        <translation>لم تستجب أي سلسلة مفاتيح للنظام عند بدء تشغيل Parley</translation>
    </message>
    <message>
        <source>keep the device key</source>
        <translation>الاحتفاظ بمفتاح الجهاز</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>تتعذّر الكتابة في ⁦%1⁩</translation>
    </message>
    <message>
        <source>the system keychain (Secret Service)</source>
        <translation>سلسلة مفاتيح النظام (Secret Service)</translation>
    </message>
    <message>
        <source>files only you can read, in %1</source>
        <translation>ملفات لا يمكن لأحد غيرك قراءتها، في المجلد ⁦%1⁩</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the keychain&apos;s device key</source>
        <translation>مفتاح الجهاز المحفوظ في سلسلة المفاتيح</translation>
    </message>
    <message>
        <source>the saved session&apos;s token is in a keychain that is not used now</source>
        <translation>رمز الجلسة المحفوظة موجود في سلسلة مفاتيح غير مستخدمة الآن</translation>
    </message>
    <message>
        <source>no saved session</source>
        <translation>لا توجد جلسة محفوظة</translation>
    </message>
</context>
<context>
    <name>parley::UserDirectory</name>
    <message>
        <source>Nobody uses Parley with this number.</source>
        <translation>لا أحد يستخدم Parley بهذا الرقم.</translation>
    </message>
</context>
<context>
    <name>parley::sync::ChatDirectory</name>
    <message>
        <source>The server answered with a chat with someone else.</source>
        <translation>ردّ الخادم بدردشة مع شخص آخر.</translation>
    </message>
</context>
<context>
    <name>parley::sync::LiveStatus</name>
    <message>
        <source>Not connected.</source>
        <translation>غير متصل.</translation>
    </message>
</context>
<context>
    <name>parley::sync::Outbox</name>
    <message>
        <source>An empty message cannot be sent.</source>
        <translation>لا يمكن إرسال رسالة فارغة.</translation>
    </message>
    <message>
        <source>The message is too long (at most %1 characters).</source>
        <translation>الرسالة طويلة جدًا (الحد الأقصى لعدد الأحرف: %1).</translation>
    </message>
    <message>
        <source>There is no such message to reply to.</source>
        <translation>لا توجد رسالة كهذه للرد عليها.</translation>
    </message>
    <message>
        <source>Only your own messages can be edited.</source>
        <translation>يمكنك تعديل رسائلك فقط.</translation>
    </message>
    <message>
        <source>The message was deleted for everyone.</source>
        <translation>تم حذف الرسالة لدى الجميع.</translation>
    </message>
    <message>
        <source>A reaction is one emoji.</source>
        <translation>التفاعل يكون برمز تعبيري واحد.</translation>
    </message>
    <message>
        <source>There is no such message to react to.</source>
        <translation>لا توجد رسالة كهذه للتفاعل معها.</translation>
    </message>
    <message>
        <source>There is no such message.</source>
        <translation>لا توجد رسالة كهذه.</translation>
    </message>
    <message>
        <source>The message is still being sent.</source>
        <translation>لا تزال الرسالة قيد الإرسال.</translation>
    </message>
    <message>
        <source>Only your own messages can be deleted for everyone.</source>
        <translation>يمكنك حذف رسائلك أنت فقط لدى الجميع.</translation>
    </message>
    <message>
        <source>The message was already deleted.</source>
        <translation>تم حذف الرسالة بالفعل.</translation>
    </message>
    <message>
        <source>The message has not reached the server yet.</source>
        <translation>لم تصل الرسالة إلى الخادم بعد.</translation>
    </message>
    <message>
        <source>There is no such chat.</source>
        <translation>لا توجد دردشة كهذه.</translation>
    </message>
    <message>
        <source>The recipient has no device to send to.</source>
        <translation>لا يوجد لدى المستلم جهاز لإرسال الرسالة إليه.</translation>
    </message>
</context>
<context>
    <name>parley::ui::AvatarCropDialog</name>
    <message>
        <source>Crop your picture</source>
        <translation>اقتصاص صورتك</translation>
    </message>
    <message>
        <source>Picture to crop</source>
        <translation>الصورة المراد اقتصاصها</translation>
    </message>
    <message>
        <source>Drag the picture to place it in the circle; zoom with the slider or the mouse wheel.</source>
        <translation>اسحب الصورة لوضعها داخل الدائرة؛ وكبّرها أو صغّرها باستخدام شريط التمرير أو عجلة الماوس.</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>التكبير</translation>
    </message>
    <message>
        <source>Use picture</source>
        <translation>استخدام الصورة</translation>
    </message>
    <message>
        <source>“%1” was not found.</source>
        <translation>لم يُعثر على الملف «⁦%1⁩».</translation>
    </message>
    <message>
        <source>“%1” is larger than %2 MB. Choose a smaller picture.</source>
        <translation>حجم «⁦%1⁩» أكبر من %2 ميغابايت. اختر صورة أصغر.</translation>
    </message>
    <message>
        <source>“%1” cannot be opened as a picture (%2). Choose a PNG or JPEG file.</source>
        <translation>تعذّر فتح «⁦%1⁩» كصورة (%2). اختر ملف ⁦PNG⁩ أو ⁦JPEG⁩.</translation>
    </message>
    <message>
        <source>Choose a profile picture</source>
        <translation>اختر صورة الملف الشخصي</translation>
    </message>
    <message>
        <source>Pictures (%1);;All files (*)</source>
        <translation>الصور (%1);;جميع الملفات (*)</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatListDelegate</name>
    <message>
        <source>You deleted this message</source>
        <translation>لقد حذفت هذه الرسالة</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>تم حذف هذه الرسالة</translation>
    </message>
    <message>
        <source>Message could not be decrypted</source>
        <translation>تعذّر فك تشفير الرسالة</translation>
    </message>
    <message>
        <source>Security code changed</source>
        <translation>تغيّر رمز الأمان</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>يكتب…</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatView</name>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>إرسال (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>إلغاء (Esc)</translation>
    </message>
    <message>
        <source>online</source>
        <translation>متصل الآن</translation>
    </message>
    <message>
        <source>typing…</source>
        <translation>يكتب…</translation>
    </message>
    <message>
        <source>Replying to yourself</source>
        <translation>الرد على نفسك</translation>
    </message>
    <message>
        <source>Replying to %1</source>
        <translation>الرد على %1</translation>
    </message>
    <message>
        <source>Editing message</source>
        <translation>تعديل الرسالة</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>رد</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>تعديل</translation>
    </message>
    <message>
        <source>React</source>
        <translation>تفاعل</translation>
    </message>
    <message>
        <source>Remove my reaction</source>
        <translation>إزالة تفاعلي</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>إعادة المحاولة</translation>
    </message>
    <message>
        <source>Delete for me</source>
        <translation>حذف لديّ</translation>
    </message>
    <message>
        <source>Delete for everyone</source>
        <translation>حذف لدى الجميع</translation>
    </message>
    <message>
        <source>The original message is not on this device.</source>
        <translation>الرسالة الأصلية غير موجودة على هذا الجهاز.</translation>
    </message>
    <message>
        <source>Chat options</source>
        <translation>خيارات الدردشة</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>التحقق من رمز الأمان…</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>الرموز التعبيرية</translation>
    </message>
</context>
<context>
    <name>parley::ui::ChatsPage</name>
    <message>
        <source>Select a chat to start messaging</source>
        <translation>اختر دردشة لبدء المراسلة</translation>
    </message>
    <message>
        <source>Search chats and messages</source>
        <translation>ابحث في الدردشات والرسائل</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>دردشة جديدة</translation>
    </message>
    <message>
        <source>New chat (Ctrl+N)</source>
        <translation>دردشة جديدة (Ctrl+N)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Settings (Ctrl+,)</source>
        <translation>الإعدادات (Ctrl+,‎)</translation>
    </message>
    <message>
        <source>No chats yet. Start one with &quot;New chat&quot;.</source>
        <translation>لا توجد دردشات بعد. ابدأ دردشة عبر «دردشة جديدة».</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>الرسائل</translation>
    </message>
    <message>
        <source>← Back to chats</source>
        <translation>→ العودة إلى الدردشات</translation>
    </message>
    <message>
        <source>Archived (%1)</source>
        <translation>المؤرشفة (%1)</translation>
    </message>
    <message>
        <source>Unpin chat</source>
        <translation>إلغاء تثبيت الدردشة</translation>
    </message>
    <message>
        <source>Pin chat</source>
        <translation>تثبيت الدردشة</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>إلغاء كتم الإشعارات</translation>
    </message>
    <message>
        <source>Mute notifications</source>
        <translation>كتم الإشعارات</translation>
    </message>
    <message>
        <source>For 8 hours</source>
        <translation>لمدة 8 ساعات</translation>
    </message>
    <message>
        <source>For 1 week</source>
        <translation>لمدة أسبوع</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>دائمًا</translation>
    </message>
    <message>
        <source>Unarchive chat</source>
        <translation>إلغاء أرشفة الدردشة</translation>
    </message>
    <message>
        <source>Archive chat</source>
        <translation>أرشفة الدردشة</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>تعليم كمقروءة</translation>
    </message>
    <message>
        <source>Delete chat</source>
        <translation>حذف الدردشة</translation>
    </message>
</context>
<context>
    <name>parley::ui::Composer</name>
    <message>
        <source>Type a message</source>
        <translation>اكتب رسالة</translation>
    </message>
</context>
<context>
    <name>parley::ui::DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
</context>
<context>
    <name>parley::ui::EmojiPicker</name>
    <message>
        <source>Smileys</source>
        <translation>الوجوه الضاحكة</translation>
    </message>
    <message>
        <source>People</source>
        <translation>الأشخاص</translation>
    </message>
    <message>
        <source>Animals and nature</source>
        <translation>الحيوانات والطبيعة</translation>
    </message>
    <message>
        <source>Food and drink</source>
        <translation>الطعام والشراب</translation>
    </message>
    <message>
        <source>Activities and travel</source>
        <translation>الأنشطة والسفر</translation>
    </message>
    <message>
        <source>Objects and symbols</source>
        <translation>الأشياء والرموز</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>الأعلام</translation>
    </message>
    <message>
        <source>Recently used</source>
        <translation>المستخدمة مؤخرًا</translation>
    </message>
</context>
<context>
    <name>parley::ui::LocalAvatar</name>
    <message>
        <source>There is no picture to save.</source>
        <translation>لا توجد صورة لحفظها.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>تعذّر إنشاء المجلد ⁦%1⁩.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>تعذّرت الكتابة في ⁦%1⁩: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>تعذّر حذف ⁦%1⁩: %2</translation>
    </message>
    <message>
        <source>Cannot encode the picture as PNG.</source>
        <translation>تعذّر ترميز الصورة بصيغة ⁦PNG⁩.</translation>
    </message>
    <message>
        <source>Your picture is kept on this computer until Parley can send pictures; others still see your initials.</source>
        <translation>تُحفظ صورتك على هذا الكمبيوتر إلى أن يتمكّن Parley من إرسال الصور؛ وحتى ذلك الحين، يرى الآخرون الأحرف الأولى من اسمك.</translation>
    </message>
</context>
<context>
    <name>parley::ui::LoginPage</name>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>حدث خطأ ما. يُرجى المحاولة مجددًا.</translation>
    </message>
    <message>
        <source>Sign in to Parley</source>
        <translation>تسجيل الدخول إلى Parley</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>%1-digit code</source>
        <extracomment>%1 is the number of digits in a login code</extracomment>
        <translation>رمز من %1 أرقام</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>تحقّق</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>استخدام رقم آخر</translation>
    </message>
    <message>
        <source>Send a new code</source>
        <translation>إرسال رمز جديد</translation>
    </message>
    <message>
        <source>Enter the %1-digit code sent to %2.</source>
        <extracomment>%1 is the number of digits in a login code, %2 the phone number it was sent to</extracomment>
        <translation>أدخل الرمز المكوّن من %1 أرقام المُرسَل إلى ⁦%2⁩.</translation>
    </message>
    <message>
        <source>It is valid for %1 min.</source>
        <translation>مدة صلاحية الرمز بالدقائق: %1.</translation>
    </message>
    <message>
        <source>Send a new code in %1</source>
        <extracomment>%1 is a countdown in minutes and seconds, such as 0:42</extracomment>
        <translation>إرسال رمز جديد بعد %1</translation>
    </message>
    <message>
        <source>Cannot reach the Parley server at %1. Check the address and your connection, and try again.</source>
        <translation>تعذّر الوصول إلى خادم Parley على ⁦%1⁩. تحقّق من العنوان ومن اتصالك، ثم حاول مجددًا.</translation>
    </message>
    <message>
        <source>%1 does not answer as a Parley server does. Check the address.</source>
        <translation>لا يستجيب ⁦%1⁩ كما يستجيب خادم Parley. تحقّق من العنوان.</translation>
    </message>
    <message>
        <source>Server: %1 · Change</source>
        <extracomment>%1 is the server&apos;s address, such as parley.example.org</extracomment>
        <translation>الخادم: ⁦%1⁩ · تغيير</translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, such as https://parley.example.org or http://127.0.0.1:8765.</source>
        <translation>أدخل عنوان الخادم، مثل ⁦https://parley.example.org⁩ أو ⁦http://127.0.0.1:8765⁩.</translation>
    </message>
    <message>
        <source>Too long for a number in %1.</source>
        <translation>الرقم طويل جدًا بالنسبة إلى أرقام %1.</translation>
    </message>
    <message>
        <source>No country has this calling code.</source>
        <translation>رمز البلد هذا غير موجود.</translation>
    </message>
    <message>
        <source>✓ %1 (%2)</source>
        <extracomment>%1 is the number in international form, %2 its country</extracomment>
        <translation>✓ ⁦%1⁩ (%2)</translation>
    </message>
    <message>
        <source>Your country and phone number:</source>
        <translation>بلدك ورقم هاتفك:</translation>
    </message>
    <message>
        <source>202 555 0123</source>
        <extracomment>An example number without its country code; use one that is typical for the language.</extracomment>
        <translation>⁦50 123 4567⁩</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>عنوان الخادم:</translation>
    </message>
    <message>
        <source>Enter your phone number.</source>
        <translation>أدخل رقم هاتفك.</translation>
    </message>
    <message>
        <source>This number is too short for %1.</source>
        <translation>هذا الرقم قصير جدًا بالنسبة إلى أرقام %1.</translation>
    </message>
    <message>
        <source>This number is too long for %1.</source>
        <translation>هذا الرقم طويل جدًا بالنسبة إلى أرقام %1.</translation>
    </message>
    <message>
        <source>No country has this calling code. Pick your country, or type the number with its country code, like +1 202 555 0123.</source>
        <translation>رمز البلد هذا غير موجود. اختر بلدك، أو أدخل الرقم مع رمز البلد، مثل ⁦+1 202 555 0123⁩.</translation>
    </message>
    <message>
        <source>This is not a number in use in %1. Check the number and the country.</source>
        <translation>هذا الرقم غير مستخدم في %1. تحقّق من الرقم والبلد.</translation>
    </message>
</context>
<context>
    <name>parley::ui::MainWindow</name>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message>
        <source>(%1) Parley</source>
        <translation>(%1) Parley</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>تم تسجيل الدخول باسم ⁦%1⁩</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
</context>
<context>
    <name>parley::ui::MessageDelegate</name>
    <message>
        <source>this contact</source>
        <translation>جهة الاتصال هذه</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>مُعدّلة</translation>
    </message>
    <message>
        <source>You deleted this message</source>
        <translation>لقد حذفت هذه الرسالة</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>تم حذف هذه الرسالة</translation>
    </message>
    <message>
        <source>This message could not be decrypted. Ask the sender to send it again.</source>
        <translation>تعذّر فك تشفير هذه الرسالة. اطلب من المرسل إرسالها مجددًا.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Them</source>
        <translation>الطرف الآخر</translation>
    </message>
    <message>
        <source>Original message not available</source>
        <translation>الرسالة الأصلية غير متاحة</translation>
    </message>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>لا رسائل غير مقروءة</numerusform>
            <numerusform>رسالة واحدة غير مقروءة</numerusform>
            <numerusform>رسالتان غير مقروءتين</numerusform>
            <numerusform>%n رسائل غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
            <numerusform>%n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>Your security code with %1 changed. Click to verify.</source>
        <translation>تغيّر رمز الأمان الخاص بك مع %1. انقر للتحقق منه.</translation>
    </message>
    <message>
        <source>You marked %1 as verified.</source>
        <translation>لقد علّمت رمز الأمان الخاص بك مع %1 كمُتحقَّق منه.</translation>
    </message>
    <message>
        <source>You marked %1 as not verified.</source>
        <translation>لقد علّمت رمز الأمان الخاص بك مع %1 كغير مُتحقَّق منه.</translation>
    </message>
</context>
<context>
    <name>parley::ui::NewChatDialog</name>
    <message>
        <source>New chat</source>
        <translation>دردشة جديدة</translation>
    </message>
    <message>
        <source>Start chat</source>
        <translation>بدء الدردشة</translation>
    </message>
    <message>
        <source>Type at least two letters of a name.</source>
        <translation>اكتب حرفين على الأقل من الاسم.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your connection.</source>
        <translation>تعذّر الوصول إلى الخادم. تحقّق من اتصالك.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(بلا اسم)</translation>
    </message>
    <message>
        <source>Nobody found. Ask them to join Parley.</source>
        <translation>لم يُعثر على أحد. اطلب منهم الانضمام إلى Parley.</translation>
    </message>
    <message>
        <source>A name or a phone number</source>
        <translation>اسم أو رقم هاتف</translation>
    </message>
    <message>
        <source>Find people by their phone number, such as +1 202 555 0100, or by their name, or import your contacts.</source>
        <translation>ابحث عن الأشخاص عبر أرقام هواتفهم، مثل ⁦+1 202 555 0100⁩، أو عبر أسمائهم، أو استورد جهات اتصالك.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>استيراد جهات الاتصال…</translation>
    </message>
    <message>
        <source>Find who of your address book is on Parley: a vCard file (.vcf) exported from your phone or mail. Only a hash of each number goes to the server; names stay on this device.</source>
        <translation>اعرف أيّ جهات الاتصال في دفتر عناوينك تستخدم Parley: اختر ملف vCard ⁦(.vcf)⁩ مُصدَّرًا من هاتفك أو بريدك الإلكتروني. لا يُرسَل إلى الخادم سوى قيمة تجزئة لكل رقم، وتبقى الأسماء على هذا الجهاز.</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>استيراد جهات الاتصال</translation>
    </message>
    <message>
        <source>Address books (*.vcf *.vcard);;All files (*)</source>
        <translation>دفاتر العناوين (*.vcf *.vcard);;جميع الملفات (*)</translation>
    </message>
    <message>
        <source>In your contacts</source>
        <translation>في جهات اتصالك</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>جارٍ استيراد ⁦%1⁩…</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>تعذّر استيراد ⁦%1⁩: %2</translation>
    </message>
    <message>
        <source>the server cannot be reached.</source>
        <translation>تعذّر الوصول إلى الخادم.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n number(s) imported</source>
        <translation>
            <numerusform>⁦%1⁩: لم يتم استيراد أي رقم</numerusform>
            <numerusform>⁦%1⁩: تم استيراد رقم واحد</numerusform>
            <numerusform>⁦%1⁩: تم استيراد رقمين</numerusform>
            <numerusform>⁦%1⁩: تم استيراد %n أرقام</numerusform>
            <numerusform>⁦%1⁩: تم استيراد %n رقمًا</numerusform>
            <numerusform>⁦%1⁩: تم استيراد %n رقم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on Parley).</source>
        <translation>
            <numerusform>(لا يوجد أي منها على Parley).</numerusform>
            <numerusform>(رقم واحد منها على Parley).</numerusform>
            <numerusform>(رقمان منها على Parley).</numerusform>
            <numerusform>(%n أرقام منها على Parley).</numerusform>
            <numerusform>(%n رقمًا منها على Parley).</numerusform>
            <numerusform>(%n رقم منها على Parley).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) had no valid number.</source>
        <translation>
            <numerusform>لا توجد أي جهة اتصال بلا رقم صالح.</numerusform>
            <numerusform>جهة اتصال واحدة لم يكن لها رقم صالح.</numerusform>
            <numerusform>جهتا اتصال لم يكن لهما رقم صالح.</numerusform>
            <numerusform>%n جهات اتصال لم يكن لها رقم صالح.</numerusform>
            <numerusform>%n جهة اتصال لم يكن لها رقم صالح.</numerusform>
            <numerusform>%n جهة اتصال لم يكن لها رقم صالح.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your contacts on Parley</source>
        <translation>جهات اتصالك على Parley</translation>
    </message>
    <message>
        <source>Type the whole number, or start it with + and the country code.</source>
        <translation>اكتب الرقم كاملًا، أو ابدأ بـ ⁦+⁩ ثم رمز البلد.</translation>
    </message>
</context>
<context>
    <name>parley::ui::Notifier</name>
    <message>
        <source>Open Parley</source>
        <translation>فتح Parley</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Parley</source>
        <translation>Parley</translation>
    </message>
    <message numerus="yes">
        <source>Parley: %n unread message(s)</source>
        <translation>
            <numerusform>Parley: لا رسائل غير مقروءة</numerusform>
            <numerusform>Parley: رسالة واحدة غير مقروءة</numerusform>
            <numerusform>Parley: رسالتان غير مقروءتين</numerusform>
            <numerusform>Parley: %n رسائل غير مقروءة</numerusform>
            <numerusform>Parley: %n رسالة غير مقروءة</numerusform>
            <numerusform>Parley: %n رسالة غير مقروءة</numerusform>
        </translation>
    </message>
    <message>
        <source>New message</source>
        <translation>رسالة جديدة</translation>
    </message>
    <message>
        <source>This message was deleted</source>
        <translation>تم حذف هذه الرسالة</translation>
    </message>
</context>
<context>
    <name>parley::ui::ProfileSetupPage</name>
    <message>
        <source>What&apos;s your name?</source>
        <translation>ما اسمك؟</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>تخطي الآن</translation>
    </message>
    <message>
        <source>Your name was not saved: %1</source>
        <translation>لم يتم حفظ اسمك: %1</translation>
    </message>
    <message>
        <source>People you write to see this name.</source>
        <translation>يرى الأشخاص الذين تراسلهم هذا الاسم.</translation>
    </message>
    <message>
        <source>Add a picture (optional)</source>
        <translation>إضافة صورة (اختياري)</translation>
    </message>
    <message>
        <source>Change picture</source>
        <translation>تغيير الصورة</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>لم يتم حفظ صورتك: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::SafetyNumberDialog</name>
    <message>
        <source>Verify security code</source>
        <translation>التحقق من رمز الأمان</translation>
    </message>
    <message>
        <source>Security code with %1</source>
        <translation>رمز الأمان مع %1</translation>
    </message>
    <message>
        <source>Compare these numbers with the ones on %1&apos;s screen, side by side or on a call you trust. If they are the same, your messages go only to their devices and nobody in between can read them. They change when either of you adds or removes a device.</source>
        <translation>قارن هذه الأرقام بالأرقام الظاهرة على شاشة %1، وجهًا لوجه أو خلال مكالمة تثق بها. إذا كانت متطابقة، فإن رسائلك تصل إلى أجهزة %1 فقط ولا يمكن لأي طرف وسيط قراءتها. تتغيّر هذه الأرقام عندما يضيف أحدكما جهازًا أو يزيله.</translation>
    </message>
    <message>
        <source>Mark as verified</source>
        <translation>تعليم كمُتحقَّق منه</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Getting the latest devices…</source>
        <translation>جارٍ جلب أحدث الأجهزة…</translation>
    </message>
    <message>
        <source>The security code cannot be shown: %1</source>
        <translation>يتعذّر عرض رمز الأمان: %1</translation>
    </message>
    <message>
        <source>Clear verification</source>
        <translation>إلغاء التحقق</translation>
    </message>
    <message>
        <source>✓ Verified</source>
        <translation>✓ تم التحقق</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>لم يتم التحقق</translation>
    </message>
</context>
<context>
    <name>parley::ui::SearchHitDelegate</name>
    <message>
        <source>You: </source>
        <translation>أنت: </translation>
    </message>
</context>
<context>
    <name>parley::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>الملف الشخصي</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>الإشعارات</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>الخصوصية</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>الأجهزة</translation>
    </message>
    <message>
        <source>Cannot read your profile: %1</source>
        <translation>تعذّرت قراءة ملفك الشخصي: %1</translation>
    </message>
    <message>
        <source>Your name, as others see it</source>
        <translation>اسمك كما يراه الآخرون</translation>
    </message>
    <message>
        <source>A few words about you</source>
        <translation>بضع كلمات عنك</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>About</source>
        <translation>الأخبار</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>رقم الهاتف</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>افتراضي النظام</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Show a notification for new messages</source>
        <translation>إظهار إشعار للرسائل الجديدة</translation>
    </message>
    <message>
        <source>Play a sound</source>
        <translation>تشغيل صوت</translation>
    </message>
    <message>
        <source>Muted chats and the chat you have open never notify.</source>
        <translation>لا تصدر أي إشعارات من الدردشات المكتومة ولا من الدردشة المفتوحة لديك.</translation>
    </message>
    <message>
        <source>Share when I was last seen and when I am online</source>
        <translation>مشاركة آخر ظهور لي ووقت اتصالي الآن</translation>
    </message>
    <message>
        <source>Send read receipts</source>
        <translation>إرسال علامات القراءة</translation>
    </message>
    <message>
        <source>Both work both ways: if you do not share yours, you do not see other people&apos;s either.</source>
        <translation>يسري الإعدادان في الاتجاهين: إذا لم تشارك معلوماتك، فلن ترى معلومات الآخرين أيضًا.</translation>
    </message>
    <message>
        <source>Remove device</source>
        <translation>إزالة الجهاز</translation>
    </message>
    <message>
        <source>Log out of this device</source>
        <translation>تسجيل الخروج من هذا الجهاز</translation>
    </message>
    <message>
        <source>A removed device is signed out at once and gets no new messages.</source>
        <translation>يتم تسجيل خروج الجهاز الذي تُزيله فورًا، ولن يتلقى أي رسائل جديدة.</translation>
    </message>
    <message>
        <source>Your profile was not saved: %1</source>
        <translation>لم يتم حفظ ملفك الشخصي: %1</translation>
    </message>
    <message>
        <source>Your privacy settings were not saved: %1</source>
        <translation>لم يتم حفظ إعدادات الخصوصية: %1</translation>
    </message>
    <message>
        <source>Cannot read your devices: %1</source>
        <translation>تعذّرت قراءة أجهزتك: %1</translation>
    </message>
    <message>
        <source>%1 (this device) · since %2</source>
        <translation>%1 (هذا الجهاز) · منذ %2</translation>
    </message>
    <message>
        <source>%1 · since %2</source>
        <translation>%1 · منذ %2</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>إعادة التشغيل الآن</translation>
    </message>
    <message>
        <source>Parley uses the new language from its next start.</source>
        <translation>سيستخدم Parley اللغة الجديدة عند تشغيله في المرة القادمة.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>الأمان</translation>
    </message>
    <message>
        <source>Your messages are end-to-end encrypted. To be sure they reach only the devices of the people you write to, compare your security code with each of them once.</source>
        <translation>رسائلك مشفّرة تمامًا بين الطرفين. للتأكد من أنها تصل إلى أجهزة الأشخاص الذين تراسلهم فقط، قارن رمز الأمان مع كل واحد منهم مرة واحدة.</translation>
    </message>
    <message>
        <source>Verify security code…</source>
        <translation>التحقق من رمز الأمان…</translation>
    </message>
    <message>
        <source>This device&apos;s key and sign-in are kept in %1.</source>
        <translation>يُحفظ مفتاح هذا الجهاز وبيانات تسجيل الدخول في %1.</translation>
    </message>
    <message>
        <source>Cannot read your chats: %1</source>
        <translation>تعذّرت قراءة دردشاتك: %1</translation>
    </message>
    <message>
        <source>%1 · ✓ verified</source>
        <translation>%1 · ✓ تم التحقق</translation>
    </message>
    <message>
        <source>%1 · not verified</source>
        <translation>%1 · لم يتم التحقق</translation>
    </message>
    <message>
        <source>Change picture…</source>
        <translation>تغيير الصورة…</translation>
    </message>
    <message>
        <source>Remove picture</source>
        <translation>إزالة الصورة</translation>
    </message>
    <message>
        <source>Your picture was not removed: %1</source>
        <translation>لم تتم إزالة صورتك: %1</translation>
    </message>
    <message>
        <source>Your picture was not saved: %1</source>
        <translation>لم يتم حفظ صورتك: %1</translation>
    </message>
</context>
<context>
    <name>parley::ui::appearance</name>
    <message>
        <source>Clear</source>
        <translation>مسح</translation>
    </message>
</context>
</TS>
