<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>parley::ui::MessageDelegate</name>
    <message numerus="yes">
        <source>%n unread message(s)</source>
        <translation>
            <numerusform>%n unread message</numerusform>
            <numerusform>%n unread messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::NewChatDialog</name>
    <message numerus="yes">
        <source>%1: %n number(s) imported</source>
        <translation>
            <numerusform>%1: %n number imported</numerusform>
            <numerusform>%1: %n numbers imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n on Parley).</source>
        <translation>
            <numerusform>(%n on Parley).</numerusform>
            <numerusform>(%n on Parley).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) had no valid number.</source>
        <translation>
            <numerusform>%n entry had no valid number.</numerusform>
            <numerusform>%n entries had no valid number.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>parley::ui::Notifier</name>
    <message numerus="yes">
        <source>Parley: %n unread message(s)</source>
        <translation>
            <numerusform>Parley: %n unread message</numerusform>
            <numerusform>Parley: %n unread messages</numerusform>
        </translation>
    </message>
</context>
</TS>
