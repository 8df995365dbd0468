#include "sources/song_title.h"

#include <gtest/gtest.h>

#include "sources/song_metadata.h"

namespace ytl {
namespace {

struct TitleCase {
  const char* video_title;
  const char* artist;
  const char* title;
};

TEST(SongTitle, SplitsRealLookingVideoTitles) {
  const TitleCase cases[] = {
      {"Rick Astley - Never Gonna Give You Up (Official Music Video)", "Rick Astley",
       "Never Gonna Give You Up"},
      {"Queen – Bohemian Rhapsody (Official Video Remastered)", "Queen", "Bohemian Rhapsody"},
      {"a-ha - Take On Me (Official Video) [Remastered in 4K]", "a-ha", "Take On Me"},
      {"Daft Punk - Get Lucky (Official Audio) ft. Pharrell Williams, Nile Rodgers", "Daft Punk",
       "Get Lucky"},
      {"Mark Ronson - Uptown Funk (feat. Bruno Mars) [Official Video]", "Mark Ronson",
       "Uptown Funk"},
      {"Adele - Hello (Lyrics)", "Adele", "Hello"},
      {"Billie Eilish - bad guy [Lyric Video]", "Billie Eilish", "bad guy"},
      {"The Weeknd - Blinding Lights (Official Visualizer)", "The Weeknd", "Blinding Lights"},
      {"Nirvana — Smells Like Teen Spirit (Official Music Video) [HD]", "Nirvana",
       "Smells Like Teen Spirit"},
      {"The Rolling Stones - (I Can't Get No) Satisfaction (Official Lyric Video)",
       "The Rolling Stones", "(I Can't Get No) Satisfaction"},
      {"Eminem - Lose Yourself [HD] | Eminem Official", "Eminem", "Lose Yourself"},
      {"PSY - GANGNAM STYLE(강남스타일) M/V", "PSY", "GANGNAM STYLE(강남스타일)"},
      {"Coldplay - Yellow (Official Video) - Official", "Coldplay", "Yellow"},
      {"Dua Lipa - Levitating Featuring DaBaby (Official Music Video)", "Dua Lipa", "Levitating"},
      {"Beyoncé \"Halo\" (Official Video)", "Beyoncé", "Halo"},
      {"  Toto   -   Africa  (Official HD Video) ", "Toto", "Africa"},
      {"Gotye - Somebody That I Used To Know (feat. Kimbra) - official music video", "Gotye",
       "Somebody That I Used To Know"},
      {"Fleetwood Mac - Dreams (2004 Remaster)", "Fleetwood Mac", "Dreams"},
      {"Radiohead - Creep (Live at Glastonbury)", "Radiohead", "Creep"},
      {"Just A Song Title", "", "Just A Song Title"},
  };
  for (const TitleCase& c : cases) {
    const ArtistTitle split = SplitArtistTitle(c.video_title);
    EXPECT_EQ(split.artist, c.artist) << c.video_title;
    EXPECT_EQ(split.title, c.title) << c.video_title;
  }
}

TEST(SongTitle, CleansTitlesWithoutArtist) {
  EXPECT_EQ(CleanSongTitle("Bohemian Rhapsody (Remastered 2011)"), "Bohemian Rhapsody");
  EXPECT_EQ(CleanSongTitle("Hello [Official Audio]"), "Hello");
  EXPECT_EQ(CleanSongTitle("Hey Jude - Remastered 2015"), "Hey Jude");
  EXPECT_EQ(CleanSongTitle("Don't Stop Me Now (Live)"), "Don't Stop Me Now");
  EXPECT_EQ(CleanSongTitle("Yesterday (Love Song)"), "Yesterday (Love Song)");
  EXPECT_EQ(CleanSongTitle("\"Quoted\""), "Quoted");
}

TEST(SongTitle, TurnsChannelNamesIntoArtists) {
  EXPECT_EQ(ArtistFromUploader("RickAstleyVEVO"), "RickAstley");
  EXPECT_EQ(ArtistFromUploader("Queen - Topic"), "Queen");
  EXPECT_EQ(ArtistFromUploader("Adele Official"), "Adele");
  EXPECT_EQ(ArtistFromUploader("Daft Punk"), "Daft Punk");
}

TEST(SongMetadata, PrefersYtDlpMusicFields) {
  MediaInfo info;
  info.title = "Some Video Title (Official Video)";
  info.artist = "Mark Ronson, Bruno Mars";
  info.track = "Uptown Funk (feat. Bruno Mars)";
  info.album = "Uptown Special";
  info.duration_s = 270.5;
  const SongMetadata song = MetadataFromMediaInfo(info);
  EXPECT_EQ(song.artist, "Mark Ronson");
  EXPECT_EQ(song.title, "Uptown Funk");
  EXPECT_EQ(song.album, "Uptown Special");
  EXPECT_DOUBLE_EQ(song.duration_s, 270.5);
}

TEST(SongMetadata, FallsBackToTitleThenUploader) {
  MediaInfo info;
  info.title = "Toto - Africa (Official HD Video)";
  info.uploader = "TotoVEVO";
  EXPECT_EQ(MetadataFromMediaInfo(info).DisplayName(), "Toto - Africa");
  info.title = "Africa (Official HD Video)";
  EXPECT_EQ(MetadataFromMediaInfo(info).DisplayName(), "Toto - Africa");
}

TEST(SongMetadata, ReadsTagsAndAppliesOverrides) {
  SongMetadata tagged = MetadataFromTags(
      {{"artist", "Queen"}, {"title", "Bohemian Rhapsody (Remastered 2011)"}, {"album", "ANATO"}},
      354);
  EXPECT_EQ(tagged.DisplayName(), "Queen - Bohemian Rhapsody");
  EXPECT_TRUE(tagged.searchable());
  const SongMetadata split = MetadataFromTags({{"title", "Adele - Hello"}}, 0);
  EXPECT_EQ(split.artist, "Adele");
  EXPECT_EQ(split.title, "Hello");
  EXPECT_FALSE(MetadataFromTags({}, 0).searchable());
  SongMetadata user;
  user.title = "Somebody to Love";
  const SongMetadata merged = WithOverrides(tagged, user);
  EXPECT_EQ(merged.DisplayName(), "Queen - Somebody to Love");
  EXPECT_EQ(merged.album, "ANATO");
  EXPECT_DOUBLE_EQ(merged.duration_s, 354);
}

}  // namespace
}  // namespace ytl
